import { describe, expect, it } from 'vitest';
import { DEFAULT_GATE_SETTINGS, type GateSettings } from '../gate/gateSettings';
import { expectedInferenceRate, tierMix } from './expectedInferenceRate.ts';

const article: GateSettings = {
  ...DEFAULT_GATE_SETTINGS,
  staticThreshold: 2,
  motionThreshold: 6,
  baselineStride: 5,
  refreshFrames: 30,
  maxSkipFrames: 60,
};

describe('expectedInferenceRate', () => {
  it("gives the article's tiers at 30 fps: 1/s static, 6/s baseline, 30/s motion", () => {
    const rate = expectedInferenceRate(article, 30);
    expect(rate.perTier).toEqual({ static: 60, baseline: 360, motion: 1800 });
    expect(rate.minPerMinute).toBe(60);
    expect(rate.maxPerMinute).toBe(1800);
    expect(rate.expectedPerMinute).toBeNull();
  });

  it('weights the tiers by a mix', () => {
    const rate = expectedInferenceRate(article, 30, { mix: { static: 2, baseline: 1, motion: 1 } });
    expect(rate.expectedPerMinute).toBeCloseTo((2 * 60 + 360 + 1800) / 4);
    expect(
      expectedInferenceRate(article, 30, { mix: { static: 0, baseline: 0, motion: 0 } }).expectedPerMinute,
    ).toBe(null);
  });

  it('caps the periods at maxSkipFrames and treats refreshFrames 0 as never', () => {
    const rate = expectedInferenceRate({ ...article, refreshFrames: 0, maxSkipFrames: 9 }, 30);
    expect(rate.perTier.static).toBe(180);
    expect(
      expectedInferenceRate({ ...article, refreshFrames: 0, maxSkipFrames: 10_000 }, 30).perTier.static,
    ).toBe((30 * 60) / 10_001);
  });

  it('knows max quality and the fixed policies', () => {
    expect(expectedInferenceRate({ ...article, maxQuality: true }, 30).minPerMinute).toBe(1800);
    expect(expectedInferenceRate(article, 25, { policy: 'every-frame' }).minPerMinute).toBe(1500);
    expect(expectedInferenceRate(article, 30, { policy: 'stride:3' }).maxPerMinute).toBe(600);
  });
});

describe('tierMix', () => {
  it('classifies frames by their motion score', () => {
    const mix = tierMix(
      [
        { motion: 1, reason: 'static-skip' },
        { motion: 3, reason: 'baseline-skip' },
        { motion: 9, reason: 'motion' },
        { motion: null, reason: 'first-frame' },
        { motion: null, reason: 'effect-off' },
      ],
      article,
    );
    expect(mix).toEqual({ static: 1, baseline: 1, motion: 2 });
  });
});
