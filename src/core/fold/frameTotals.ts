import { type FrameEvent, type GateReason, type InferenceRecord, isSegmentedFrame } from '../frameEvent';

/**
 * Running totals of a session, folded from its FrameEvents and InferenceRecords as they arrive: the one place the
 * counts every panel, CLI and report shows are made. Nothing else keeps a counter of its own.
 */
export interface FrameTotals {
  /** Displayed frames (one FrameEvent each; the runaway's extra requests are not frames). */
  frames: number;
  /** Frames of a stream that was being segmented: what a per-minute video API bills. */
  segmentedFrames: number;
  /** Inferences started by the gate plus the runaway's extras: what a per-image API bills. */
  inferences: number;
  /** Inferences that failed (they settled with an error). */
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
  if (e.ran) t.inferences++;
  t.reasons[e.reason] = (t.reasons[e.reason] ?? 0) + 1;
  t.firstTs ??= e.ts;
  t.lastTs = e.ts;
}

export function foldInference(t: FrameTotals, r: InferenceRecord): void {
  t.settled++;
  if (r.kind === 'shadow') t.shadowChecks++;
  if (r.error) t.errors++;
}

export function copyTotals(t: FrameTotals): FrameTotals {
  return { ...t, reasons: { ...t.reasons } };
}
