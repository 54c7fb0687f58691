import { describe, expect, it } from 'vitest';
import { type AnomalyAlert, AnomalyDetector } from './AnomalyDetector.ts';

const FPS = 30;

/** Frames at 30 fps; `stride(frame)` says how often the model runs at that frame. */
function run(detector: AnomalyDetector, frames: number, stride: (frame: number) => number, cost = 0.001) {
  const alerts: AnomalyAlert[] = [];
  for (let frame = 0; frame < frames; frame++) {
    const ran = frame % stride(frame) === 0;
    alerts.push(
      ...detector.observe({ frame, ts: 1_000 + frame * 33, mediaTime: frame / FPS, ran }, ran ? cost : 0),
    );
  }
  return alerts;
}

describe('AnomalyDetector', () => {
  it('stays quiet at a steady rate', () => {
    expect(run(new AnomalyDetector(), FPS * 120, () => 10)).toEqual([]);
  });

  it('alerts within the bucket when the rate jumps more than 20% above the trailing average', () => {
    const alerts = run(new AnomalyDetector(), FPS * 45, (f) => (f < FPS * 40 ? 10 : 1));
    expect(alerts.map((a) => a.metric)).toEqual(['inferencesPerMinute', 'costPerMinute']);
    const [rate, cost] = alerts;
    // 3/s = 180/min before; the bound 216/min is passed on the 37th inference of the bucket that starts at 40 s.
    expect(rate.trailingAverage).toBeCloseTo(180);
    expect(rate.value).toBeGreaterThan(216);
    expect(rate.atFrame).toBeGreaterThanOrEqual(1230);
    expect(rate.atFrame).toBeLessThanOrEqual(1240);
    expect(rate.streamTime).toBeLessThan(42);
    expect(cost.trailingAverage).toBeCloseTo(0.18);
    expect(rate.reason).toMatch(/^Inference rate \d+\/min is \d+% above its trailing average 180\/min/);
  });

  it('alerts once per bucket per metric, and again in later buckets while the spike lasts', () => {
    const alerts = run(new AnomalyDetector(), FPS * 55, (f) => (f < FPS * 40 ? 10 : 1));
    const rates = alerts.filter((a) => a.metric === 'inferencesPerMinute');
    expect(rates.length).toBe(2);
  });

  it('does not alert during warm-up', () => {
    const alerts = run(new AnomalyDetector({ warmupBuckets: 3 }), FPS * 29, (f) => (f < FPS * 15 ? 10 : 1));
    expect(alerts).toEqual([]);
  });

  it('is deterministic: a replay raises the same alerts', () => {
    const a = run(new AnomalyDetector(), FPS * 70, (f) => (f < FPS * 45 ? 15 : 2));
    const detector = new AnomalyDetector();
    run(detector, 100, () => 1);
    detector.reset();
    const b = run(detector, FPS * 70, (f) => (f < FPS * 45 ? 15 : 2));
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThan(0);
  });

  it('ignores small rates below the floor', () => {
    const detector = new AnomalyDetector({ minInferencesPerMinute: 5000 });
    const alerts = run(detector, FPS * 45, (f) => (f < FPS * 40 ? 10 : 1));
    expect(alerts.map((a) => a.metric)).toEqual(['costPerMinute']);
  });
});
