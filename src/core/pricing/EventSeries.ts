import type { FrameEvent } from '../frameEvent.ts';

/** One point of the live charts: counts up to the end of second `t` of the stream. */
export interface SeriesPoint {
  /** Seconds since the session's first event (end of the bucket). */
  t: number;
  /** Cumulative frames displayed (what every-frame would have inferred). */
  frames: number;
  /** Cumulative inferences that ran. */
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
 * Per-second buckets of a FrameEvent stream, folded incrementally: each `ingest` reads only the events appended since
 * the last call (a cursor), so keeping the series up to date costs the same after hours as after seconds.
 *
 * Events are bucketed by their own `ts` (when the frame was shown), not by arrival: a ran frame's event is appended
 * when its inference settles, after later skipped frames, and still lands in its frame's second.
 */
export class EventSeries {
  private frames: number[] = [];
  private inferences: number[] = [];
  private cursor = 0;
  private firstEvent: FrameEvent | undefined;
  private t0 = 0;
  private device: DeviceTime = { timed: 0, modelMsTotal: 0, latencyMsTotal: 0 };

  /** Folds in new events; starts over when the store was cleared. Returns true when anything changed. */
  ingest(events: readonly FrameEvent[]): boolean {
    let reset = false;
    if (events.length < this.cursor || (this.cursor > 0 && events[0] !== this.firstEvent)) {
      this.reset();
      reset = true;
    }
    if (this.cursor === events.length) return reset;
    if (this.cursor === 0) {
      this.firstEvent = events[0];
      this.t0 = events[0]?.ts ?? 0;
    }
    for (let i = this.cursor; i < events.length; i++) {
      const e = events[i];
      if (!e) continue;
      // An event that settled late may be a little older than the first one appended: it belongs in second 0.
      const k = Math.max(0, Math.floor((e.ts - this.t0) / 1000));
      while (this.frames.length <= k) {
        this.frames.push(0);
        this.inferences.push(0);
      }
      this.frames[k] = (this.frames[k] ?? 0) + 1;
      if (e.ran) {
        this.inferences[k] = (this.inferences[k] ?? 0) + 1;
        if (e.modelMs !== null || e.latencyMs !== null) {
          this.device.timed++;
          this.device.modelMsTotal += e.modelMs ?? 0;
          this.device.latencyMsTotal += e.latencyMs ?? 0;
        }
      }
    }
    this.cursor = events.length;
    return true;
  }

  private reset(): void {
    this.frames = [];
    this.inferences = [];
    this.cursor = 0;
    this.firstEvent = undefined;
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
