import type { FrameEvent } from './frameEvent';

/** What the stats strip shows, derived from the FrameEvent stream (no second counter). */
export interface LiveStats {
  /** Frames composited per second over the window. */
  displayFps: number;
  /** Inferences completed per second over the window. */
  inferenceFps: number;
  /** Source frame rate estimated from media time of consecutive frames; null until two frames are known. */
  sourceFps: number | null;
  modelMsP50: number | null;
  endToEndMsP50: number | null;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Summarises the events whose ts falls in (now - windowMs, now]. `events` must be in emission order; only its tail is
 * read, so the cost does not grow with the session.
 */
export function liveStats(events: readonly FrameEvent[], now: number, windowMs = 1000): LiveStats {
  const from = now - windowMs;
  let displayed = 0;
  let inferred = 0;
  const modelMs: number[] = [];
  const e2eMs: number[] = [];
  const mediaTimes: number[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.ts <= from) break;
    if (e.ts > now) continue;
    displayed++;
    mediaTimes.push(e.mediaTime);
    if (e.ran && e.latencyMs !== null) {
      inferred++;
      e2eMs.push(e.latencyMs);
      if (e.modelMs !== null) modelMs.push(e.modelMs);
    }
  }
  // Media time advances by one source frame per displayed frame; a busy main thread drops frames (gaps of two or
  // more), never shows two in one frame time, so the smallest gap is the source's frame duration.
  mediaTimes.sort((a, b) => a - b);
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < mediaTimes.length; i++) {
    const d = mediaTimes[i] - mediaTimes[i - 1];
    if (d > 0.001 && d < gap) gap = d;
  }
  return {
    displayFps: (displayed * 1000) / windowMs,
    inferenceFps: (inferred * 1000) / windowMs,
    sourceFps: Number.isFinite(gap) ? 1 / gap : null,
    modelMsP50: median(modelMs),
    endToEndMsP50: median(e2eMs),
  };
}
