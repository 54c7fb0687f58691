import { describe, expect, it } from 'vitest';
import { type BillingRule, billedUnits, type Usage } from './billedUnits.ts';
import { fleetHours, fleetInstances } from './fleetInstances.ts';
import { tieredPrice } from './tieredPrice.ts';

// Money: full-precision floats, compared to 1e-9 USD (toBeCloseTo(x, 9)) or in whole cents / tenths of a cent.
const flat = (price: number) => [{ upToUnitsPerMonth: null, pricePerUnitUSD: price }];
const cost = (rule: BillingRule, price: number, usage: Usage) =>
  tieredPrice(flat(price), billedUnits(rule, usage));

/** The article's session: 10 s of video at 30 fps = 300 frames, every frame inferred. */
const session: Usage = { inferences: 300, durationSeconds: 10, sessions: 1, frameBytes: 0 };

describe('billedUnits: the article worked examples, one session', () => {
  it('article: 300 frames at $0.001 per image = $0.30', () => {
    expect(billedUnits({ unit: 'image', rounding: 'none' }, session)).toBe(300);
    expect(cost({ unit: 'image', rounding: 'none' }, 0.001, session)).toBeCloseTo(0.3, 9);
  });

  it('article: 10 s at $0.10 per minute = $0.0167 prorated (proration unconfirmed by AWS)', () => {
    const usd = cost({ unit: 'minute', rounding: 'none' }, 0.1, session);
    expect(usd).toBeCloseTo(0.1 / 6, 12);
    expect(usd).toBeCloseTo(0.0167, 4);
  });

  it('article omits: 10 s at $0.10 per minute rounded up per session = $0.10', () => {
    expect(billedUnits({ unit: 'minute', rounding: 'ceil-per-session' }, session)).toBe(1);
    expect(cost({ unit: 'minute', rounding: 'ceil-per-session' }, 0.1, session)).toBeCloseTo(0.1, 12);
  });

  it('minutes bill the stream duration whether or not frames were inferred', () => {
    const skipped = { ...session, inferences: 60 };
    expect(billedUnits({ unit: 'minute', rounding: 'none' }, skipped)).toBeCloseTo(10 / 60, 12);
  });

  it('article: 300 frames at $0.005 per 16 frames = $0.09375', () => {
    expect(billedUnits({ unit: 'frames16', rounding: 'none' }, session)).toBe(18.75);
    expect(cost({ unit: 'frames16', rounding: 'none' }, 0.005, session)).toBeCloseTo(0.09375, 12);
  });

  it('article omits: 300 frames at $0.005 per 16 frames rounded up per session = 19 chunks = $0.095', () => {
    expect(billedUnits({ unit: 'frames16', rounding: 'ceil-per-session' }, session)).toBe(19);
    expect(cost({ unit: 'frames16', rounding: 'ceil-per-session' }, 0.005, session)).toBeCloseTo(0.095, 12);
  });

  it('per-session rounding rounds each session, not the total (3 sessions of 10 s = 3 minutes, not 1)', () => {
    const three: Usage = { inferences: 900, durationSeconds: 30, sessions: 3, frameBytes: 0 };
    expect(billedUnits({ unit: 'minute', rounding: 'ceil-per-session' }, three)).toBe(3);
    expect(billedUnits({ unit: 'minute', rounding: 'none' }, three)).toBeCloseTo(0.5, 12);
    // A whole number of minutes per session is not rounded up by float noise: 3 x 120 s = 3 x 2 minutes.
    const whole: Usage = { inferences: 0, durationSeconds: 360, sessions: 3, frameBytes: 0 };
    expect(billedUnits({ unit: 'minute', rounding: 'ceil-per-session' }, whole)).toBe(6);
  });

  it('article is wrong: a T4 at $0.526/h serving 15 fps = $9.74 per million frames, not $9.70', () => {
    const t4: BillingRule = { unit: 'hour', rounding: 'none', throughputFps: 15 };
    const million: Usage = { inferences: 1_000_000, durationSeconds: 0, sessions: 1, frameBytes: 0 };
    const usd = cost(t4, 0.526, million);
    expect(usd).toBeCloseTo((0.526 / 54_000) * 1_000_000, 9); // one hour ($0.526) serves 15 x 3600 = 54,000 frames
    expect(Math.round((usd ?? 0) * 100)).toBe(974);
    expect(Math.round((usd ?? 0) * 100)).not.toBe(970);
  });

  it('second = inferences / throughputFps of GPU time', () => {
    expect(billedUnits({ unit: 'second', rounding: 'none', throughputFps: 15 }, session)).toBe(20);
  });

  it('GB = inferences x frameBytes / 10^9 (decimal GB)', () => {
    expect(billedUnits({ unit: 'GB', rounding: 'none' }, { ...session, frameBytes: 50_000 })).toBeCloseTo(
      0.015,
      12,
    );
  });

  it('GPU-time units without a throughput are a catalog error, not a silent $0', () => {
    expect(() => billedUnits({ unit: 'hour', rounding: 'none' }, session)).toThrow(/throughputFps/);
  });
});

describe('fleetInstances: ceil(peak x fps x ratio / throughput) + redundancy, 24 h x days', () => {
  const base = { fps: 30, inferenceRatio: 1, throughputFps: 15, redundancy: 0 };

  it('article: 45 fps at peak on 15-fps GPUs = 3 instances (exactly, no extra for float noise)', () => {
    expect(fleetInstances({ ...base, peakConcurrentStreams: 1.5 })).toBe(3);
    // 0.1 x 30 is 3.0000000000000004 in floats; still 1 instance at 3 fps of throughput.
    expect(fleetInstances({ ...base, peakConcurrentStreams: 1, inferenceRatio: 0.1, throughputFps: 3 })).toBe(
      1,
    );
  });

  it('rounds any fraction of an instance up, then adds redundancy (N+1)', () => {
    expect(fleetInstances({ ...base, peakConcurrentStreams: 1.51 })).toBe(4);
    expect(fleetInstances({ ...base, peakConcurrentStreams: 2, redundancy: 1 })).toBe(5);
    expect(fleetInstances({ ...base, peakConcurrentStreams: 0, redundancy: 1 })).toBe(1);
    expect(fleetInstances({ ...base, peakConcurrentStreams: 0 })).toBe(0);
  });

  it('skipping frames shrinks the fleet: ratio 0.2 of 2 x 30 fps = 12 fps = 1 T4', () => {
    expect(fleetInstances({ ...base, peakConcurrentStreams: 2, inferenceRatio: 0.2 })).toBe(1);
  });

  it('a fleet runs 24 h a day: 1 T4 for 30 days = 720 h = $378.72', () => {
    expect(fleetHours(1, 30)).toBe(720);
    expect(tieredPrice(flat(0.526), fleetHours(1, 30))).toBeCloseTo(378.72, 9);
  });
});
