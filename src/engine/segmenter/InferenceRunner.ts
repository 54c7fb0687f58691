import type { InferenceKind } from '../../core/frameEvent';
import type { PersonMask, Segmenter } from './segmenterTypes';

/** How one inference ended. */
export type InferenceOutcome =
  | { ok: true; mask: PersonMask; modelMs: number; latencyMs: number }
  | { ok: false; error: string; latencyMs: number };

/** Consecutive failures after which segmentation steps aside (pass-through) until a retry succeeds. */
export const FAILURES_BEFORE_PASS_THROUGH = 3;
/** First automatic retry after stepping aside; doubles on each failed retry, up to the cap. */
const RETRY_FIRST_MS = 2000;
const RETRY_MAX_MS = 60_000;
/** A call that takes this long (or 10x the recent model time, whichever is more) is declared hung. */
const HUNG_MIN_MS = 8000;
const FIRST_CALL_MS = 30_000;

export interface RunnerState {
  /** True while segmentation has stepped aside after repeated failures (the plain frame is shown). */
  passThrough: boolean;
  consecutiveFailures: number;
  lastError: string | null;
  /** When the next automatic retry may start (performance.now() ms); null when not stepping aside. */
  retryAt: number | null;
}

/**
 * The segmenter stage as the pipeline drives it: one inference at a time (and one queued), each with an id and a
 * time-out, and a breaker (as Jitsi's virtual background does): after repeated failures the pipeline shows the plain
 * frame and retries on its own with back-off, or at once on retryNow(). A call that never settles is failed by its
 * time-out and reported through `onHung`, so the owner can restart the model (a fresh worker).
 */
export class InferenceRunner {
  segmenter: Segmenter | null = null;
  onHung: ((why: string) => void) | null = null;
  onStateChange: ((state: RunnerState) => void) | null = null;
  private nextId = 1;
  private failures = 0;
  private lastError: string | null = null;
  private retryAt: number | null = null;
  private backoffMs = RETRY_FIRST_MS;
  private recentModelMs = 0;
  /** Inferences holding a slot: the one running and at most one queued behind it. */
  private holding = 0;
  /** Settles when the inference started last has finished: the next one starts after it. */
  private last: Promise<unknown> = Promise.resolve();

  /** An inference is running (or queued). */
  get inFlight(): boolean {
    return this.holding > 0;
  }

  /**
   * Both slots are taken: one inference running and one queued. A frame that wants an inference now is 'busy'.
   * Why a queue of one: the source's frames reach the page unevenly (requestVideoFrameCallback here alternates 17
   * and 50 ms apart for a 30 fps clip on a 60 Hz display), so with one slot a frame that came 17 ms after the last
   * inferred one found the model still busy 40% of the time and every-frame inference ran at 17 of 30 a second.
   */
  get full(): boolean {
    return this.holding >= 2;
  }

  get state(): RunnerState {
    return {
      passThrough: this.failures >= FAILURES_BEFORE_PASS_THROUGH,
      consecutiveFailures: this.failures,
      lastError: this.lastError,
      retryAt: this.retryAt,
    };
  }

  /** While stepping aside: true when the automatic retry is due (the caller then starts one inference). */
  mayTry(now = performance.now()): boolean {
    if (this.failures < FAILURES_BEFORE_PASS_THROUGH) return true;
    return this.retryAt !== null && now >= this.retryAt;
  }

  /** Lets the next frame try at once (the notice's Retry button). */
  retryNow(): void {
    if (this.failures >= FAILURES_BEFORE_PASS_THROUGH) this.retryAt = performance.now();
  }

  /** A new id for an inference started on a frame. */
  allocateId(): number {
    return this.nextId++;
  }

  /**
   * Runs the segmenter on `input` (taking ownership of it). Never rejects: failures and time-outs come back as
   * outcomes. Gate inferences count towards the breaker; gate and staleness checks hold the in-flight slot; the
   * runaway's extra calls do neither (they are the bug the guard must catch).
   */
  async run(input: Promise<ImageBitmap>, start: number, kind: InferenceKind): Promise<InferenceOutcome> {
    const counts = kind === 'gate';
    const holds = kind !== 'duplicate';
    let done = () => {};
    if (holds) {
      this.holding++;
      const previous = this.last;
      this.last = new Promise<void>((resolve) => {
        done = resolve;
      });
      await previous;
    }
    // Read after any wait: a model swapped meanwhile is the one to use.
    const segmenter = this.segmenter;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      if (!segmenter) throw new Error('no model is loaded');
      // The first call may compile shaders (seconds on a software GPU): it gets a longer leash.
      const limit = this.recentModelMs === 0 ? FIRST_CALL_MS : Math.max(HUNG_MIN_MS, 10 * this.recentModelMs);
      const hung = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from the model in ${limit} ms`)), limit);
      });
      const { mask, modelMs } = await Promise.race([input.then((b) => segmenter.segment(b)), hung]);
      this.recentModelMs = modelMs;
      if (counts) this.succeeded();
      return { ok: true, mask, modelMs, latencyMs: performance.now() - start };
    } catch (err) {
      const error = (err as Error).message;
      if (counts) this.failed(error);
      if (error.startsWith('no answer from the model')) this.onHung?.(error);
      return { ok: false, error, latencyMs: performance.now() - start };
    } finally {
      clearTimeout(timer);
      if (holds) {
        this.holding--;
        done();
      }
    }
  }

  private succeeded(): void {
    const wasAside = this.failures >= FAILURES_BEFORE_PASS_THROUGH;
    this.failures = 0;
    this.retryAt = null;
    this.backoffMs = RETRY_FIRST_MS;
    if (wasAside) this.onStateChange?.(this.state);
  }

  private failed(error: string): void {
    this.failures++;
    this.lastError = error;
    if (this.failures >= FAILURES_BEFORE_PASS_THROUGH) {
      this.retryAt = performance.now() + this.backoffMs;
      this.backoffMs = Math.min(RETRY_MAX_MS, this.backoffMs * 2);
      this.onStateChange?.(this.state);
    }
  }

  /** A new model: the breaker starts closed. */
  reset(): void {
    this.failures = 0;
    this.lastError = null;
    this.retryAt = null;
    this.backoffMs = RETRY_FIRST_MS;
    this.recentModelMs = 0;
  }
}
