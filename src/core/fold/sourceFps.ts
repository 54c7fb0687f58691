/**
 * The frame rate prices fall back to when a source has not told its own yet (a camera's setting, a clip's decoder):
 * the one default, written once.
 */
export const DEFAULT_SOURCE_FPS = 30;

/**
 * Frame rate from the media times of displayed frames: a busy main thread drops frames (gaps of two or more), never
 * shows two in one frame time, so the smallest gap is the source's frame duration. Null until two frames are known.
 */
export function sourceFpsFromMediaTimes(mediaTimes: number[]): number | null {
  mediaTimes.sort((a, b) => a - b);
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < mediaTimes.length; i++) {
    const d = mediaTimes[i] - mediaTimes[i - 1];
    if (d > 0.001 && d < gap) gap = d;
  }
  return Number.isFinite(gap) ? 1 / gap : null;
}

/** Seconds of stream the frames cover at the source's rate (for per-minute and per-second billing). */
export function streamSeconds(frames: number, fps: number | null): number {
  return frames / (fps && fps > 0 ? fps : DEFAULT_SOURCE_FPS);
}
