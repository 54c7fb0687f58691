import type { FrameEvent } from '../frameEvent';
import { StreamClock } from './StreamClock.ts';

export type AnomalyMetric = 'inferencesPerMinute' | 'costPerMinute';

export interface AnomalyAlert {
  metric: AnomalyMetric;
  /** The current bucket's rate so far, per minute (a lower bound of the bucket's final rate). */
  value: number;
  /** Mean rate of the trailing closed buckets, per minute. */
  trailingAverage: number;
  atFrame: number;
  /** Wall-clock time of the frame that raised it, ms since the epoch. */
  ts: number;
  /** Stream time of that frame, seconds from the first frame observed. */
  streamTime: number;
  reason: string;
}

export interface AnomalyDetectorOptions {
  /** Width of one bucket of stream time, seconds. */
  bucketSeconds?: number;
  /** Closed buckets the trailing average spans (6 x 10 s = the last minute). */
  trailingBuckets?: number;
  /** Closed buckets needed before any alert (warm-up: the first frames always infer). */
  warmupBuckets?: number;
  /** Alert when the current rate is more than this share above the trailing average (0.2 = +20%). */
  threshold?: number;
  /** Ignore inference-rate alerts below this many per minute (a jump from 1 to 2 is not a billing anomaly). */
  minInferencesPerMinute?: number;
}

interface Bucket {
  index: number;
  inferencesPerMinute: number;
  costPerMinute: number;
}

const METRICS: readonly AnomalyMetric[] = ['inferencesPerMinute', 'costPerMinute'];
const LABEL: Record<AnomalyMetric, string> = {
  inferencesPerMinute: 'Inference rate',
  costPerMinute: 'Cost per minute',
};

function show(metric: AnomalyMetric, v: number): string {
  return metric === 'costPerMinute' ? `$${v.toPrecision(3)}/min` : `${v.toFixed(0)}/min`;
}

/**
 * The article's anomaly alert, at stream scale: inference rate or cost per minute more than 20% above its trailing
 * average. Stream time is cut into buckets (default 10 s); each metric of the current bucket is compared with the
 * mean of the last 6 closed buckets, once 3 have closed. The current bucket's count so far is compared as soon as
 * each frame arrives: it only grows, so once it passes the bound the bucket's rate certainly does, and the alert
 * comes within the bucket instead of after it. At most one alert per metric per bucket.
 *
 * Driven only by the FrameEvents' media time (through StreamClock), never by the wall clock, so a replay of the same
 * clip with the same settings raises the same alerts on the same frames.
 */
export class AnomalyDetector {
  private readonly bucketSeconds: number;
  private readonly trailingBuckets: number;
  private readonly warmupBuckets: number;
  private readonly threshold: number;
  private readonly minInferencesPerMinute: number;
  private readonly clock = new StreamClock();
  private readonly closed: Bucket[] = [];
  private current: Bucket = { index: 0, inferencesPerMinute: 0, costPerMinute: 0 };
  private alerted = new Set<AnomalyMetric>();
  private readonly raised: AnomalyAlert[] = [];

  constructor(options: AnomalyDetectorOptions = {}) {
    this.bucketSeconds = options.bucketSeconds ?? 10;
    this.trailingBuckets = options.trailingBuckets ?? 6;
    this.warmupBuckets = Math.max(1, options.warmupBuckets ?? 3);
    this.threshold = options.threshold ?? 0.2;
    this.minInferencesPerMinute = options.minInferencesPerMinute ?? 0;
  }

  get alerts(): readonly AnomalyAlert[] {
    return this.raised;
  }

  /**
   * Folds in one FrameEvent with its as-if cost (frameCostUSD for the watched entry; 0 when skipped) and returns
   * the alerts it raised (usually none).
   */
  observe(event: Pick<FrameEvent, 'frame' | 'ts' | 'mediaTime' | 'ran'>, costUSD = 0): AnomalyAlert[] {
    const t = this.clock.advance(event.mediaTime);
    const index = Math.floor(t / this.bucketSeconds);
    while (this.current.index < index) this.close();
    const perMinute = 60 / this.bucketSeconds;
    if (event.ran) this.current.inferencesPerMinute += perMinute;
    this.current.costPerMinute += costUSD * perMinute;
    if (this.closed.length < this.warmupBuckets) return [];
    const out: AnomalyAlert[] = [];
    for (const metric of METRICS) {
      if (this.alerted.has(metric)) continue;
      let sum = 0;
      for (const b of this.closed) sum += b[metric];
      const average = sum / this.closed.length;
      const value = this.current[metric];
      // Relative slack: sums of float costs must not alert on a rate exactly at the bound.
      if (!(average > 0) || value <= average * (1 + this.threshold) * (1 + 1e-9)) continue;
      if (metric === 'inferencesPerMinute' && value < this.minInferencesPerMinute) continue;
      this.alerted.add(metric);
      const pct = ((value / average - 1) * 100).toFixed(0);
      const alert: AnomalyAlert = {
        metric,
        value,
        trailingAverage: average,
        atFrame: event.frame,
        ts: event.ts,
        streamTime: t,
        reason:
          `${LABEL[metric]} ${show(metric, value)} is ${pct}% above its trailing average ` +
          `${show(metric, average)} (last ${this.closed.length * this.bucketSeconds} s of stream)`,
      };
      out.push(alert);
      this.raised.push(alert);
    }
    return out;
  }

  reset(): void {
    this.clock.reset();
    this.closed.length = 0;
    this.current = { index: 0, inferencesPerMinute: 0, costPerMinute: 0 };
    this.alerted.clear();
    this.raised.length = 0;
  }

  private close(): void {
    this.closed.push(this.current);
    if (this.closed.length > this.trailingBuckets) this.closed.shift();
    this.current = { index: this.current.index + 1, inferencesPerMinute: 0, costPerMinute: 0 };
    this.alerted = new Set();
  }
}
