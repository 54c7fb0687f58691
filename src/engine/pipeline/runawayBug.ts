import type { FrameEvent } from '../../core/frameEvent';
import type { RunawayGuard } from '../../core/guard/RunawayGuard';
import type { InferenceRunner } from '../segmenter/InferenceRunner';

/** Requests the simulated runaway bug makes per frame. */
export const RUNAWAY_CALLS_PER_FRAME = 10;

export interface RunawayBugContext {
  runaway: RunawayGuard;
  runner: InferenceRunner;
  /** A fresh model input made from the frame (the caller owns the frame). */
  grab: () => Promise<ImageBitmap>;
  emit: (event: FrameEvent) => void;
  settle: (id: number, frame: number, outcome: Awaited<ReturnType<InferenceRunner['run']>>) => void;
  onTrip: (reason: string) => void;
}

/**
 * The simulated bug ("Simulate runaway"): requests inference over and over on one frame, past the in-flight check.
 * Each request the runaway guard lets through is a real, billed inference, logged as a 'duplicate' event (billed,
 * not a frame) with its own record; the guard stops it.
 */
export async function runawayBug(
  ctx: RunawayBugContext,
  base: Omit<FrameEvent, 'ran' | 'reason' | 'inferenceId'>,
): Promise<void> {
  const calls: Promise<void>[] = [];
  for (let k = 0; k < RUNAWAY_CALLS_PER_FRAME && !ctx.runaway.trip; k++) {
    const tripped = ctx.runaway.noteRequest(base.frame, base.mediaTime);
    if (tripped) {
      ctx.onTrip(tripped);
      break;
    }
    const id = ctx.runner.allocateId();
    ctx.emit({ ...base, ran: true, reason: 'duplicate', inferenceId: id });
    const start = performance.now();
    calls.push(ctx.runner.run(ctx.grab(), start, 'duplicate').then((o) => ctx.settle(id, base.frame, o)));
  }
  await Promise.all(calls);
}
