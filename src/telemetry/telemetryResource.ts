import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { ATTR_SERVICE_INSTANCE_ID } from '@opentelemetry/semantic-conventions/incubating';
import { version } from '../../package.json';

export const SERVICE_NAME = 'segmeter';
/** The article's cost tag: which product feature the inferences serve. */
export const DEFAULT_FEATURE = 'segmentation';

export interface ResourceInput {
  /** One per live session (tab) or CLI run: two tabs are two resources. */
  sessionId: string;
  /** A random id per browser profile (localStorage) or per CLI machine run; never personal data. */
  installId: string;
  /** tfjs or mediapipe; "unknown" while the model loads. */
  runtime: string;
  /** wasm, webgl, cpu, webgpu, mediapipe-gpu; "unknown" while the model loads. */
  backend: string;
  feature?: string;
  /** Where the session runs: browser or node (the CLI). */
  host: 'browser' | 'node';
}

/** The resource attributes every export carries. Pure, so the browser and the CLI describe themselves alike. */
export function telemetryResourceAttributes(input: ResourceInput): Record<string, string> {
  return {
    [ATTR_SERVICE_NAME]: SERVICE_NAME,
    [ATTR_SERVICE_VERSION]: version,
    [ATTR_SERVICE_INSTANCE_ID]: input.sessionId,
    'segmeter.install.id': input.installId,
    'segmeter.runtime': input.runtime,
    'segmeter.backend': input.backend,
    'segmeter.host': input.host,
    feature: input.feature?.trim() || DEFAULT_FEATURE,
  };
}
