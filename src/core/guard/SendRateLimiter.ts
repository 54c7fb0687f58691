export interface SendRateLimiterOptions {
  /** The interval when the service is healthy, ms (0 = whenever the frame loop asks). */
  minIntervalMs?: number;
  /** The longest interval it backs off to, ms. */
  maxIntervalMs?: number;
  /** An answer slower than this counts as slow, ms. */
  slowMs?: number;
  /** Each fast answer shrinks the interval by this factor (a slow one at least doubles it). */
  recoverFactor?: number;
}

/**
 * Adaptive send rate for a remote segmenter: multiplicative back-off on slow answers, time-outs and failures (the
 * interval becomes at least twice what it was and at least the slow answer's latency, counted from the answer, so
 * a slow service gets at least as long to breathe as it took), gradual recovery on fast answers. Pure: times are passed in, ms on any monotonic clock.
 * The frame loop asks `allows(now)` before sending a frame and skips the frame otherwise; nothing is queued or
 * retried, so a slow service lowers the call rate (and the bill) instead of piling calls up.
 */
export class SendRateLimiter {
  private readonly minIntervalMs: number;
  private readonly maxIntervalMs: number;
  private readonly slowMs: number;
  private readonly recoverFactor: number;
  private interval: number;
  /** When the last request was sent or settled: the interval counts from there. */
  private lastAt: number | null = null;
  private why: string | null = null;

  constructor(options: SendRateLimiterOptions = {}) {
    this.minIntervalMs = options.minIntervalMs ?? 0;
    this.maxIntervalMs = Math.max(this.minIntervalMs, options.maxIntervalMs ?? 4000);
    this.slowMs = options.slowMs ?? 400;
    this.recoverFactor = options.recoverFactor ?? 0.8;
    this.interval = this.minIntervalMs;
  }

  /** Least time between two sends, ms, as things stand. */
  allowedIntervalMs(): number {
    return this.interval;
  }

  /** True while backed off above the healthy interval. */
  get degraded(): boolean {
    return this.interval > this.minIntervalMs;
  }

  /** Why it is degraded (for the UI), null when healthy. */
  get reason(): string | null {
    return this.degraded ? this.why : null;
  }

  allows(nowMs: number): boolean {
    return this.lastAt === null || nowMs - this.lastAt >= this.interval;
  }

  /** Milliseconds until a send is allowed (0 = now). */
  waitMs(nowMs: number): number {
    return this.lastAt === null ? 0 : Math.max(0, this.lastAt + this.interval - nowMs);
  }

  noteSent(nowMs: number): void {
    this.lastAt = nowMs;
  }

  /**
   * An answer arrived at `atMs` after `latencyMs`. The interval counts from the last send or answer, so after a
   * slow answer the service gets a pause, not an immediate next request.
   */
  noteAnswer(latencyMs: number, atMs?: number): void {
    this.settled(atMs);
    if (latencyMs > this.slowMs) {
      this.backOff(latencyMs, `answers took ${Math.round(latencyMs)} ms (slow above ${this.slowMs} ms)`);
      return;
    }
    const next = this.interval * this.recoverFactor;
    // Geometric decay never reaches the floor; within 50 ms of it is healthy enough.
    this.interval = next <= this.minIntervalMs + 50 ? this.minIntervalMs : next;
  }

  noteTimeout(timeoutMs: number, atMs?: number): void {
    this.settled(atMs);
    this.backOff(timeoutMs, `a request timed out after ${Math.round(timeoutMs)} ms`);
  }

  noteFailure(latencyMs: number, message: string, atMs?: number): void {
    this.settled(atMs);
    this.backOff(latencyMs, `a request failed (${message})`);
  }

  reset(): void {
    this.interval = this.minIntervalMs;
    this.lastAt = null;
    this.why = null;
  }

  private settled(atMs: number | undefined): void {
    if (atMs !== undefined) this.lastAt = Math.max(this.lastAt ?? atMs, atMs);
  }

  private backOff(latencyMs: number, cause: string): void {
    this.interval = Math.min(
      this.maxIntervalMs,
      Math.max(this.interval * 2, latencyMs, this.minIntervalMs + 1),
    );
    this.why =
      `Cloud (simulated) degraded: ${cause}; sending at most one frame every ` +
      `${Math.round(this.interval).toLocaleString('en-US')} ms`;
  }
}
