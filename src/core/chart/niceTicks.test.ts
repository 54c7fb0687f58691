import { describe, expect, it } from 'vitest';
import { niceTicks } from './niceTicks';

describe('niceTicks', () => {
  it('covers the maximum with round steps from zero', () => {
    expect(niceTicks(10)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(0.37)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(1800)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(niceTicks(0.000731, 4)).toEqual([0, 0.0002, 0.0004, 0.0006, 0.0008]);
  });

  it('gives a unit axis for an empty or flat series, and never float noise', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
    for (const t of niceTicks(0.7, 7)) expect(String(t)).not.toMatch(/0000000|9999999/);
  });

  it('ends at or above the maximum, with about the asked count', () => {
    for (const max of [0.013, 1, 3.3, 42, 999, 12345]) {
      const ticks = niceTicks(max);
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });
});
