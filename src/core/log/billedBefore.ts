import { type FrameTotals, isBilledFailure } from '../fold/frameTotals';
import { type FrameEvent, type InferenceRecord, isSegmentedFrame } from '../frameEvent';
import type { BilledBefore } from './frameLog';

/**
 * What the session billed before the first of `events` (the store's window of the newest frames): the whole
 * session's totals less what the window itself holds, counted by the fold's own rules (a frame that ran is billed
 * unless its settled record failed; a frame shown while segmenting counts for per-minute units).
 */
export function billedBefore(
  totals: Pick<FrameTotals, 'inferences' | 'segmentedFrames'>,
  events: readonly FrameEvent[],
  inferences: readonly InferenceRecord[],
): BilledBefore {
  const failed = new Set<number>();
  for (const r of inferences) if (isBilledFailure(r)) failed.add(r.id);
  let billed = 0;
  let segmented = 0;
  for (const e of events) {
    if (e.ran && !(e.inferenceId !== null && failed.has(e.inferenceId))) billed++;
    if (isSegmentedFrame(e)) segmented++;
  }
  return {
    inferences: Math.max(0, totals.inferences - billed),
    segmentedFrames: Math.max(0, totals.segmentedFrames - segmented),
  };
}
