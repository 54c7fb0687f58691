import type { InferenceKind, InferenceRecord } from '../../core/frameEvent';
import type { InferenceOutcome } from '../segmenter/InferenceRunner';

/** The record an inference settles as: its timings, or its error, and how stale the cache had become (IoU). */
export function inferenceRecord(
  id: number,
  sessionId: string,
  frame: number,
  kind: InferenceKind,
  outcome: InferenceOutcome,
  staleIou: number | undefined,
): InferenceRecord {
  return {
    id,
    sessionId,
    frame,
    kind,
    ts: Date.now(),
    latencyMs: outcome.ok ? outcome.latencyMs : null,
    modelMs: outcome.ok ? outcome.modelMs : null,
    ...(outcome.ok ? {} : { error: outcome.error }),
    ...(staleIou === undefined ? {} : { staleIou }),
  };
}
