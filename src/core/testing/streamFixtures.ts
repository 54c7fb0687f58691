import type { FrameEvent, InferenceRecord } from '../frameEvent';

/**
 * Test fixtures for the event stream, shared by the folds' unit tests: a FrameEvent of frame `n` (its inference id
 * is `n` when it ran) and a settled InferenceRecord of id `id`, each with overrides for what a test cares about.
 */
export function frameEvent(n: number, ran: boolean, extra: Partial<FrameEvent> = {}): FrameEvent {
  return {
    ...{ ts: 1000 + n * 33, mediaTime: n / 30, sessionId: 's', frame: n, ran },
    ...{ reason: ran ? 'motion' : 'static-skip', source: 'sample', model: 'm', runtime: 'tfjs' },
    ...{ backend: 'wasm', inferenceId: ran ? n : null, motion: 1, mode: 'full' },
    ...extra,
  };
}

/** A gate inference that settled (with `error`, a failed one: no latency, not billed). */
export function inferenceRecord(id: number, extra: Partial<InferenceRecord> = {}): InferenceRecord {
  const failed = extra.error !== undefined;
  return {
    ...{ id, sessionId: 's', frame: id, kind: 'gate', ts: 2000 + id },
    ...(failed ? { latencyMs: null, modelMs: null } : { latencyMs: 20, modelMs: 10 }),
    ...extra,
  };
}
