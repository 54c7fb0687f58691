import { type LogRecord, SeverityNumber } from '@opentelemetry/api';
import type { FrameLogRecord } from '../core/log/frameLog';

/** The article's event name for one inference. */
export const INFERENCE_EVENT = 'segmentation_inference';

/**
 * One OpenTelemetry log record per sampled inference: the fields the log panel exports (FrameLogRecord), as
 * attributes under `segmeter.`, the per-entry as-if cost as `segmeter.as_if.cost.<entry id>`. Pure.
 */
export function inferenceLogRecord(r: FrameLogRecord): LogRecord {
  const attributes: Record<string, string | number | boolean> = {
    'segmeter.session.id': r.sessionId,
    'segmeter.frame': r.frame,
    'segmeter.ran': r.ran,
    'segmeter.reason': r.reason,
    'segmeter.source': r.source,
    'gen_ai.request.model': r.model,
    'segmeter.backend': r.backend,
    'segmeter.mode': r.mode,
  };
  if (r.latencyMs !== null) attributes['segmeter.latency_ms'] = r.latencyMs;
  if (r.motion !== null) attributes['segmeter.motion'] = r.motion;
  if (r.error !== null) attributes['error.type'] = r.error;
  for (const [id, usd] of Object.entries(r.asIfCostUSD)) attributes[`segmeter.as_if.cost.${id}`] = usd;
  return {
    eventName: INFERENCE_EVENT,
    timestamp: r.ts,
    severityNumber: r.error === null ? SeverityNumber.INFO : SeverityNumber.WARN,
    severityText: r.error === null ? 'INFO' : 'WARN',
    body: INFERENCE_EVENT,
    attributes,
  };
}
