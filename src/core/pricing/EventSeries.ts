import { isBilledFailure } from '../fold/frameTotals.ts';
import type { FrameEvent, InferenceRecord } from '../frameEvent.ts';

/** One point of the live charts: counts up to the end of second `t` of the stream. */
export interface SeriesPoint {
  /** Seconds since the session's first event (end of the bucket). */
  t: number;
  /** Cumulative frames displayed (what every-frame would have inferred). */
  frames: number;
  /** Cumulative billed inferences (a failure is taken back in the second it settled). */
  inferences: number;
  /** Inferences in the trailing minute (scaled up while less than a minute has passed). */
  inferencesPerMinute: number;
  /** Frames in the trailing minute, likewise: the every-frame rate to compare against. */
  framesPerMinute: number;
}

/** Device time the inferences took, from the events' own timings. */
export interface DeviceTime {
  /** Inferences with a timing (failed ones have none). */
  timed: number;
  modelMsTotal: number;
  latencyMsTotal: number;
}

/**
 * Per-second buckets of a session's FrameEvents, fed one event at a time as the store emits them (subscribe), so
 * keeping the series up to date costs the same after hours as after seconds, and nothing depends on how much of
 * the store's window is still kept. Device time comes from the InferenceRecords (gate inferences that settled).
 */
export class EventSeries {
  private frames: number[] = [];
  private inferences: number[] = [];
  private t0: number | null = null;
  private device: DeviceTime = { timed: 0, modelMsTotal: 0, latencyMsTotal: 0 };

  /** Folds in one displayed frame (or a runaway 'duplicate', which is billed but is not a frame). */
  add(e: FrameEvent): void {
    this.t0 ??= e.ts;
    const k = this.bucket(e.ts, this.t0);
    if (e.reason !== 'duplicate') this.frames[k] = (this.frames[k] ?? 0) + 1;
    if (e.ran) this.inferences[k] = (this.inferences[k] ?? 0) + 1;
  }

  private bucket(ts: number, t0: number): number {
    const k = Math.max(0, Math.floor((ts - t0) / 1000));
    while (this.frames.length <= k) {
      this.frames.push(0);
      this.inferences.push(0);
    }
    return k;
  }

  /**
   * Folds in one settled inference: its device time, and a failure (isBilledFailure, the fold's rule) takes back
   * the inference its frame added, in the second it settled. Staleness checks have nothing to bill.
   */
  addInference(r: InferenceRecord): void {
    if (isBilledFailure(r) && this.t0 !== null) {
      const k = this.bucket(r.ts, this.t0);
      this.inferences[k] = (this.inferences[k] ?? 0) - 1;
    }
    if (r.kind === 'shadow' || r.modelMs === null || r.latencyMs === null) return;
    this.device.timed++;
    this.device.modelMsTotal += r.modelMs;
    this.device.latencyMsTotal += r.latencyMs;
  }

  reset(): void {
    this.frames = [];
    this.inferences = [];
    this.t0 = null;
    this.device = { timed: 0, modelMsTotal: 0, latencyMsTotal: 0 };
  }

  /** Seconds covered so far. */
  get seconds(): number {
    return this.frames.length;
  }

  get deviceTime(): DeviceTime {
    return { ...this.device };
  }

  /**
   * At most `maxPoints` evenly spaced points (always including the last second), so a chart of an hours-long
   * session stays a few hundred points. One pass over the buckets.
   */
  points(maxPoints = 240): SeriesPoint[] {
    const n = this.frames.length;
    if (n === 0) return [];
    const stride = Math.max(1, Math.ceil(n / Math.max(1, maxPoints)));
    // Prefix sums: cum[k] = total over buckets [0, k).
    const cumFrames = new Array<number>(n + 1);
    const cumInferences = new Array<number>(n + 1);
    cumFrames[0] = 0;
    cumInferences[0] = 0;
    for (let k = 0; k < n; k++) {
      cumFrames[k + 1] = (cumFrames[k] ?? 0) + (this.frames[k] ?? 0);
      cumInferences[k + 1] = (cumInferences[k] ?? 0) + (this.inferences[k] ?? 0);
    }
    const out: SeriesPoint[] = [];
    const at = (end: number): SeriesPoint => {
      const start = Math.max(0, end - 60);
      const scale = 60 / (end - start);
      const frames = cumFrames[end] ?? 0;
      const inferences = cumInferences[end] ?? 0;
      return {
        t: end,
        frames,
        inferences,
        inferencesPerMinute: (inferences - (cumInferences[start] ?? 0)) * scale,
        framesPerMinute: (frames - (cumFrames[start] ?? 0)) * scale,
      };
    };
    for (let end = stride; end < n; end += stride) out.push(at(end));
    out.push(at(n));
    return out;
  }
}
