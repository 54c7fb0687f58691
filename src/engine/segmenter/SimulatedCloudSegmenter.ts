import { type CloudProfile, checkCloudProfile, drawCloudOutcome } from '../../core/guard/cloudOutcome';
import { SendRateLimiter, type SendRateLimiterOptions } from '../../core/guard/SendRateLimiter';
import { seededRandom } from '../../core/guard/seededRandom';
import type { Segmenter, SegmenterInfo, SegmentResult } from './segmenterTypes';

export interface SimulatedCloudOptions {
  profile: CloudProfile;
  /** PRNG seed for latency, jitter and failures: the same seed replays the same network. */
  seed?: number;
  limiter?: SendRateLimiterOptions;
  /** Monotonic clock, ms (tests pass a fake one). */
  now?: () => number;
  /** Called when the degraded flag flips, with the reason (null when healthy again), e.g. to LiveSession.notify. */
  onDegradation?: (reason: string | null) => void;
}

/** A request the client gave up on. It was sent, so a real API would bill it: the caller must not retry it. */
export class CloudTimeoutError extends Error {
  override readonly name = 'CloudTimeoutError';
}

export interface CloudStats {
  sent: number;
  ok: number;
  failed: number;
  timedOut: number;
}

/**
 * "Cloud (simulated)": an in-page stand-in for a cloud segmentation API, for the testing matrix's network rows.
 * The mask comes from a real local segmenter (so the picture stays right); the answer arrives after a drawn round
 * trip (latency +/- jitter), may fail, and is abandoned at timeoutMs. Each segment() call is exactly one request:
 * never retried, never queued, and the time-out is a single timer, so a stuck call cannot turn into a loop of calls.
 *
 * Degradation: every answer feeds a SendRateLimiter; slow answers, time-outs and failures widen the interval the
 * frame loop must leave between sends (`allowedIntervalMs()`, `maySend()`), fast answers narrow it again, and
 * `degraded` / `degradedReason` say so for the UI. The frame loop consults `maySend()` BEFORE calling segment();
 * segment() itself does not refuse, so a caller that ignores the limiter is still bounded by the time-out.
 *
 * Owns `inner`: dispose() disposes it.
 */
export class SimulatedCloudSegmenter implements Segmenter {
  readonly info: SegmenterInfo;
  readonly limiter: SendRateLimiter;
  readonly stats: CloudStats = { sent: 0, ok: 0, failed: 0, timedOut: 0 };
  private readonly profile: CloudProfile;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly onDegradation?: (reason: string | null) => void;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly pending = new Set<(err: Error) => void>();
  private wasDegraded = false;
  private disposed = false;

  constructor(
    readonly inner: Segmenter,
    options: SimulatedCloudOptions,
  ) {
    this.profile = checkCloudProfile({ ...options.profile });
    this.random = seededRandom(options.seed ?? 1);
    this.now = options.now ?? (() => performance.now());
    this.limiter = new SendRateLimiter(options.limiter);
    this.onDegradation = options.onDegradation;
    this.info = { ...inner.info, modelId: `${inner.info.modelId}@cloud-sim` };
  }

  allowedIntervalMs(): number {
    return this.limiter.allowedIntervalMs();
  }

  /** Whether the frame loop may send a frame now. */
  maySend(nowMs = this.now()): boolean {
    return !this.disposed && this.limiter.allows(nowMs);
  }

  get degraded(): boolean {
    return this.limiter.degraded;
  }

  get degradedReason(): string | null {
    return this.limiter.reason;
  }

  async segment(frame: ImageBitmap): Promise<SegmentResult> {
    if (this.disposed) {
      frame.close();
      throw new Error('cloud (simulated) segmenter is disposed');
    }
    const start = this.now();
    this.limiter.noteSent(start);
    this.stats.sent++;
    const outcome = drawCloudOutcome(this.profile, this.random);
    // The local model stands in for the server's; its result is always observed so a late failure is not unhandled.
    const real = this.inner.segment(frame);
    real.catch(() => undefined);
    try {
      if (outcome.kind === 'timeout') {
        await this.delay(outcome.timeoutMs);
        throw new CloudTimeoutError(
          `cloud (simulated) timed out after ${outcome.timeoutMs} ms (not retried)`,
        );
      }
      await this.delay(outcome.latencyMs);
      if (outcome.kind === 'error') throw new Error(`cloud (simulated) ${outcome.message}`);
      // A local model slower than the drawn round trip still cannot pass the time-out.
      const result = await this.race(real, this.profile.timeoutMs - (this.now() - start));
      const latencyMs = this.now() - start;
      this.stats.ok++;
      this.limiter.noteAnswer(latencyMs, this.now());
      // What the client waited for is the round trip: that is this segmenter's "model time".
      return { mask: result.mask, modelMs: latencyMs };
    } catch (err) {
      if (err instanceof CloudTimeoutError) {
        this.stats.timedOut++;
        this.limiter.noteTimeout(this.profile.timeoutMs, this.now());
      } else if (!this.disposed) {
        this.stats.failed++;
        this.limiter.noteFailure(this.now() - start, (err as Error).message, this.now());
      }
      throw err;
    } finally {
      this.reportDegradation();
    }
  }

  modelCalls(): Promise<number> {
    return this.inner.modelCalls();
  }

  numTensors(): Promise<number | null> {
    return this.inner.numTensors();
  }

  loseContext(): Promise<boolean> {
    return this.inner.loseContext();
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const reject of this.pending) reject(new Error('cloud (simulated) segmenter is disposed'));
    this.pending.clear();
    this.inner.dispose();
  }

  private reportDegradation(): void {
    const degraded = this.limiter.degraded;
    if (degraded === this.wasDegraded) return;
    this.wasDegraded = degraded;
    this.onDegradation?.(degraded ? this.limiter.reason : null);
  }

  /** A tracked timer, cleared on dispose (which rejects the wait). */
  private delay(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        this.pending.delete(reject);
        resolve();
      }, ms);
      this.timers.add(t);
      this.pending.add(reject);
    });
  }

  private race<T>(promise: Promise<T>, ms: number): Promise<T> {
    const deadline = this.delay(Math.max(0, ms)).then(() => {
      throw new CloudTimeoutError(
        `cloud (simulated) timed out after ${this.profile.timeoutMs} ms (not retried)`,
      );
    });
    deadline.catch(() => undefined);
    return Promise.race([promise, deadline]);
  }
}
