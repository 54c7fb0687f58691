import { FrameEventStore } from '../core/fold/FrameEventStore';
import type { FrameEvent, InferenceRecord } from '../core/frameEvent';
import type { ExportStatus } from './ExportQueue';
import {
  frameEventMetrics,
  inferenceMetrics,
  type MetricPoint,
  type PricingInput,
  sessionReadings,
} from './frameEventMetrics';
import { MetricsPipeline } from './MetricsPipeline';
import { telemetryResourceAttributes } from './telemetryResource';
import { signalUrl } from './telemetrySettings';

export interface EventExportOptions {
  /** Base URL of the OTLP/HTTP endpoint; /v1/metrics is appended. */
  url: string;
  events: readonly FrameEvent[];
  /** The run's settled inferences (durations, failures). */
  inferences?: readonly InferenceRecord[];
  pricing: PricingInput;
  sessionId: string;
  installId: string;
  runtime: string;
  backend: string;
  policy: string;
  feature?: string;
  /** Readings beyond the session's own (a sweep's per-point skip ratios). */
  extra?: MetricPoint[];
}

/**
 * Exports a finished run's event list as one session, with the same instruments, mapping and resource as the
 * browser: the totals are folded by a FrameEventStore (the one fold), the events go through frameEventMetrics,
 * the readings through sessionReadings; then one collection and one send. Resolves with the send's status.
 */
export async function exportEventMetrics(options: EventExportOptions): Promise<ExportStatus> {
  const store = new FrameEventStore();
  for (const e of options.events) store.append(e);
  const pipeline = new MetricsPipeline({
    url: signalUrl(options.url, 'metrics'),
    resource: telemetryResourceAttributes({
      sessionId: options.sessionId,
      installId: options.installId,
      runtime: options.runtime,
      backend: options.backend,
      feature: options.feature,
      host: 'node',
    }),
    // One export, at the end: the periodic timer never fires first.
    intervalMs: 3_600_000,
    read: () => [
      ...sessionReadings({
        totals: store.totals,
        pricing: options.pricing,
        mode: options.events.at(-1)?.mode ?? null,
        policy: options.policy,
        budget: null,
        expectedPerMinute: null,
      }),
      ...(options.extra ?? []),
    ],
  });
  for (const e of options.events) pipeline.record(frameEventMetrics(e));
  const model = options.events.at(-1)?.model ?? 'unknown';
  for (const r of options.inferences ?? []) pipeline.record(inferenceMetrics(r, model));
  // Shutting down collects once more and sends it: the run's one export.
  await pipeline.shutdown();
  return pipeline.status;
}
