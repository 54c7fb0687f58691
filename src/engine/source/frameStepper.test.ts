import { describe, expect, it } from 'vitest';
import { framesIn, MAX_REPLAY_SECONDS } from './frameStepper';

describe('framesIn', () => {
  it('counts whole frames of a known duration', () => {
    expect(framesIn(2, 30)).toBe(60);
    expect(framesIn(0.01, 30)).toBe(1);
  });

  it('refuses an unknown duration (Infinity, NaN) instead of stepping forever', () => {
    for (const duration of [Number.POSITIVE_INFINITY, Number.NaN, 0, -1]) {
      expect(() => framesIn(duration, 30)).toThrow(/duration is unknown/);
    }
  });

  it('bounds a clip that claims to be endless-ish', () => {
    expect(framesIn(1e12, 30)).toBe(MAX_REPLAY_SECONDS * 30);
  });
});
