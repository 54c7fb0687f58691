/** Why and where the guard tripped. */
export interface RunawayTrip {
  frame: number;
  mediaTime: number;
  reason: string;
}

export interface RunawayGuardOptions {
  /**
   * Billed inference requests one frame may make. The gate starts at most one per frame; 2 leaves room for a
   * deliberate extra (a retry on a new frame never reuses the old one) without letting a loop through.
   */
  maxPerFrame?: number;
  /** Requests allowed in any 1 s of stream time, for a bug that invents frame numbers (default: 2 x 60 fps). */
  maxPerSecond?: number;
}

/**
 * Catches a bug that asks for inference many times per frame (the article's "loop gone wrong"). Call noteRequest
 * BEFORE each billed inference is started; a non-null answer means do not start it. It trips on the request that
 * breaks either bound, which with any runaway faster than the bound is well within the 2 s of stream time the
 * issue asks for: a frame's (maxPerFrame + 1)th request, or the (maxPerSecond + 1)th inside one second of stream
 * time (media time that stalls, as a paused video does, still counts as the same second). Once tripped it stays
 * tripped, answering the same reason, until reset(): inference stays off until a person turns it back on.
 */
export class RunawayGuard {
  private readonly maxPerFrame: number;
  private readonly maxPerSecond: number;
  private frame = Number.NaN;
  private perFrame = 0;
  /** Media times of the requests in the trailing second, oldest first. */
  private readonly window: number[] = [];
  private tripped: RunawayTrip | null = null;

  constructor(options: RunawayGuardOptions = {}) {
    this.maxPerFrame = options.maxPerFrame ?? 2;
    this.maxPerSecond = options.maxPerSecond ?? 120;
  }

  get trip(): RunawayTrip | null {
    return this.tripped;
  }

  /** Notes one inference request; returns null to go ahead, or why inference is disabled. */
  noteRequest(frame: number, mediaTimeSeconds: number): string | null {
    if (this.tripped) return this.tripped.reason;
    if (frame !== this.frame) {
      this.frame = frame;
      this.perFrame = 0;
    }
    this.perFrame++;
    // A step back in media time (a loop, a seek) starts a new window rather than mixing two timelines.
    if (this.window.length > 0 && mediaTimeSeconds < this.window[this.window.length - 1])
      this.window.length = 0;
    this.window.push(mediaTimeSeconds);
    while (this.window.length > 0 && this.window[0] <= mediaTimeSeconds - 1) this.window.shift();

    let reason: string | null = null;
    if (this.perFrame > this.maxPerFrame) {
      reason =
        `Runaway inference: ${this.perFrame} requests for frame ${frame} (at most ${this.maxPerFrame} ` +
        'per frame); inference disabled until reset';
    } else if (this.window.length > this.maxPerSecond) {
      reason =
        `Runaway inference: ${this.window.length} requests within 1 s of stream time (at most ` +
        `${this.maxPerSecond}); inference disabled until reset`;
    }
    if (reason) this.tripped = { frame, mediaTime: mediaTimeSeconds, reason };
    return reason;
  }

  reset(): void {
    this.tripped = null;
    this.frame = Number.NaN;
    this.perFrame = 0;
    this.window.length = 0;
  }
}
