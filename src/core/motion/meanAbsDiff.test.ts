import { describe, expect, it } from 'vitest';
import { meanAbsDiff } from './meanAbsDiff';
import { weightedMeanAbsDiff } from './weightedMeanAbsDiff';

describe('meanAbsDiff', () => {
  it('is the mean absolute difference on 0..255', () => {
    expect(meanAbsDiff(new Float32Array([0, 10, 255]), new Float32Array([4, 0, 0]))).toBeCloseTo(
      (4 + 10 + 255) / 3,
    );
    expect(meanAbsDiff(new Uint8Array([0, 255]), new Uint8Array([255, 0]))).toBe(255);
    expect(meanAbsDiff(new Uint8Array(0), new Uint8Array(0))).toBe(0);
  });
  it('rejects different sizes', () => {
    expect(() => meanAbsDiff(new Uint8Array(2), new Uint8Array(3))).toThrow(RangeError);
  });
});

describe('weightedMeanAbsDiff', () => {
  it('equals meanAbsDiff with unit weights and scales per cell otherwise', () => {
    const a = new Float32Array([0, 10, 20, 30]);
    const b = new Float32Array([10, 10, 0, 0]);
    expect(weightedMeanAbsDiff(a, b, new Float32Array(4).fill(1))).toBeCloseTo(meanAbsDiff(a, b));
    expect(weightedMeanAbsDiff(a, b, new Float32Array([2, 1, 0, 0]))).toBeCloseTo(20 / 4);
  });
});
