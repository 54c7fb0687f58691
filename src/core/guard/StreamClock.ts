/**
 * Turns media times (which jump back when a clip loops, or forward on a seek) into a monotonic stream time in
 * seconds from the first frame, so windows driven by it behave the same live and in a frame-stepped replay.
 * A step back or a jump of more than `maxGapSeconds` counts as one typical frame gap (the last plausible one).
 */
export class StreamClock {
  private last: number | null = null;
  private elapsed = 0;
  private typicalGap: number;

  constructor(
    private readonly maxGapSeconds = 2,
    defaultGapSeconds = 1 / 30,
  ) {
    this.typicalGap = defaultGapSeconds;
  }

  /** Stream time of a frame at `mediaTime`; the same media time twice (several calls for one frame) adds nothing. */
  advance(mediaTime: number): number {
    if (this.last !== null) {
      const dt = mediaTime - this.last;
      if (dt > 0 && dt <= this.maxGapSeconds) {
        this.elapsed += dt;
        this.typicalGap = dt;
      } else if (dt !== 0) {
        this.elapsed += this.typicalGap;
      }
    }
    this.last = mediaTime;
    return this.elapsed;
  }

  get now(): number {
    return this.elapsed;
  }

  reset(): void {
    this.last = null;
    this.elapsed = 0;
  }
}
