import { describe, expect, it } from 'vitest';
import { recommendPoint } from './recommendPoint';

const p = (skipRatio: number, iouMean: number, iouP05: number) => ({ skipRatio, iouMean, iouP05 });

describe('recommendPoint', () => {
  it('picks the most skipping among points that meet both quality bars', () => {
    const points = [p(0.5, 0.99, 0.95), p(0.8, 0.96, 0.9), p(0.9, 0.94, 0.9), p(0.85, 0.97, 0.8)];
    // 2 misses the mean, 3 misses the p05.
    expect(recommendPoint(points)).toBe(1);
  });

  it('accepts values exactly at the bars', () => {
    expect(recommendPoint([p(0.3, 0.95, 0.85)])).toBe(0);
  });

  it('is null when no point is feasible', () => {
    expect(recommendPoint([p(0.9, 0.9, 0.9), p(0.5, 0.99, 0.5)])).toBeNull();
    expect(recommendPoint([])).toBeNull();
  });

  it('breaks skipRatio ties by iouMean, then iouP05, then the earlier index', () => {
    expect(recommendPoint([p(0.8, 0.96, 0.9), p(0.8, 0.97, 0.86)])).toBe(1);
    expect(recommendPoint([p(0.8, 0.96, 0.88), p(0.8, 0.96, 0.9)])).toBe(1);
    expect(recommendPoint([p(0.8, 0.96, 0.9), p(0.8, 0.96, 0.9)])).toBe(0);
  });

  it('takes its own target', () => {
    const points = [p(0.5, 0.99, 0.95), p(0.8, 0.96, 0.9)];
    expect(recommendPoint(points, 0.98)).toBe(0);
    expect(recommendPoint(points, 0.9, 0.95)).toBe(0);
  });
});
