import type { FrameEvent, InferenceRecord } from '../frameEvent';
import { percentile } from '../quality/percentile';
import { sourceFpsFromMediaTimes } from './sourceFps';

/** What the stats strip shows, folded from the event stream (no second counter). */
export interface LiveStats {
  /** Frames composited per second over the window. */
  displayFps: number;
  /** Inferences settled per second over the window (gate inferences, failed ones excluded). */
  inferenceFps: number;
  /** Source frame rate estimated from media time of displayed frames; null until two frames are known. */
  sourceFps: number | null;
  modelMsP50: number | null;
  endToEndMsP50: number | null;
}

/** The medians take at most this many of the newest inferences ... */
const MEDIAN_OF = 30;
/** ... from at most this far back, ms. */
const MEDIAN_SPAN_MS = 10_000;

/** The median, or null for no values: the one median every live figure uses. */
export function median(values: ArrayLike<number>): number | null {
  return values.length === 0 ? null : percentile(values, 50);
}

/**
 * Summarises what happened in (now - windowMs, now]: frames by the time they were shown, inferences by the time they
 * settled; the timing medians look further back when fewer settled in the window. Both lists are in arrival order; only their tails are read, so the cost does not grow with the session.
 */
export function liveStats(
  frames: readonly FrameEvent[],
  inferences: readonly InferenceRecord[],
  now: number,
  windowMs = 1000,
): LiveStats {
  const from = now - windowMs;
  let displayed = 0;
  const mediaTimes: number[] = [];
  for (let i = frames.length - 1; i >= 0; i--) {
    const e = frames[i];
    if (e.ts <= from) break;
    if (e.ts > now || e.reason === 'duplicate') continue;
    displayed++;
    mediaTimes.push(e.mediaTime);
  }
  // Rates count the window; medians take the newest inferences (up to MEDIAN_OF, within MEDIAN_SPAN_MS), so a slow
  // model that settles less than once a window still shows its times.
  const modelMs: number[] = [];
  const e2eMs: number[] = [];
  let settled = 0;
  for (let i = inferences.length - 1; i >= 0; i--) {
    const r = inferences[i];
    if (r.ts <= now - MEDIAN_SPAN_MS || (r.ts <= from && e2eMs.length >= MEDIAN_OF)) break;
    if (r.ts > now || r.kind !== 'gate' || r.latencyMs === null) continue;
    if (r.ts > from) settled++;
    if (e2eMs.length >= MEDIAN_OF) continue;
    e2eMs.push(r.latencyMs);
    if (r.modelMs !== null) modelMs.push(r.modelMs);
  }
  return {
    displayFps: (displayed * 1000) / windowMs,
    inferenceFps: (settled * 1000) / windowMs,
    sourceFps: sourceFpsFromMediaTimes(mediaTimes),
    modelMsP50: median(modelMs),
    endToEndMsP50: median(e2eMs),
  };
}
