import { type FrameEvent, type GateReason, type InferenceRecord, isSegmentedFrame } from '../frameEvent';

/**
 * Running totals of a session, folded from its FrameEvents and InferenceRecords as they arrive: the one place the
 * counts every panel, CLI and report shows are made. Nothing else keeps a counter of its own.
 *
 * Billing: an inference is billed when it was started (its frame `ran`) and did not fail (isBilledFailure). A frame
 * is priced when it is composited, before its inference settles; a failure that settles later reverses that one
 * inference at settle time (`inferences` steps down by one, `failed` up by one). So `inferences` can step down,
 * and every consumer that prices reads it (or reverses its own per-frame count on the same rule).
 */
export interface FrameTotals {
  /** Displayed frames (one FrameEvent each; the runaway's extra requests are not frames). */
  frames: number;
  /** Frames of a stream that was being segmented: what a per-minute video API bills. */
  segmentedFrames: number;
  /** Billed inferences: started by the gate or the runaway's extras (`started`), less those that failed (`failed`). */
  inferences: number;
  /** Inferences started (frames that ran), failed or not. */
  started: number;
  /** Started inferences that settled with an error: not billed (reversed when they settle). */
  failed: number;
  /** Inferences that failed (they settled with an error), unbilled staleness checks included. */
  errors: number;
  /** Inferences that settled (any kind), and unbilled staleness checks among them. */
  settled: number;
  shadowChecks: number;
  reasons: Partial<Record<GateReason, number>>;
  firstTs: number | null;
  lastTs: number | null;
}

export function emptyTotals(): FrameTotals {
  return {
    frames: 0,
    segmentedFrames: 0,
    inferences: 0,
    started: 0,
    failed: 0,
    errors: 0,
    settled: 0,
    shadowChecks: 0,
    reasons: {},
    firstTs: null,
    lastTs: null,
  };
}

/** Folds one event into `t` (mutates it: the store keeps one totals object per session). */
export function foldFrame(t: FrameTotals, e: FrameEvent): void {
  // A duplicate is an extra inference on a frame already logged: billed, but not another frame.
  if (e.reason !== 'duplicate') t.frames++;
  if (isSegmentedFrame(e)) t.segmentedFrames++;
  if (e.ran) {
    t.started++;
    t.inferences++;
  }
  t.reasons[e.reason] = (t.reasons[e.reason] ?? 0) + 1;
  t.firstTs ??= e.ts;
  t.lastTs = e.ts;
}

/**
 * The one rule of what is not billed: an inference that was started on a frame that ran (the gate's, or the
 * runaway's extra) and settled with an error. A staleness check was never billed, failed or not.
 */
export function isBilledFailure(r: Pick<InferenceRecord, 'kind' | 'error'>): boolean {
  return r.error !== undefined && r.kind !== 'shadow';
}

export function foldInference(t: FrameTotals, r: InferenceRecord): void {
  t.settled++;
  if (r.kind === 'shadow') t.shadowChecks++;
  if (r.error !== undefined) t.errors++;
  if (isBilledFailure(r)) {
    // Reverses the inference its frame was priced with (in a frame-stepped replay the record can settle before
    // its frame is appended: the count is then one low until the frame arrives, never lost).
    t.failed++;
    t.inferences--;
  }
}

export function copyTotals(t: FrameTotals): FrameTotals {
  return { ...t, reasons: { ...t.reasons } };
}
