import { describe, expect, it } from 'vitest';
import { dominates, paretoFront } from './paretoFront';

const p = (skipRatio: number, iouMean: number) => ({ skipRatio, iouMean });

describe('paretoFront', () => {
  it('keeps the points nothing beats on both measures, by skipRatio ascending', () => {
    const points = [p(0.9, 0.9), p(0.5, 0.99), p(0.4, 0.95), p(0.8, 0.96), p(0.95, 0.8)];
    // (0.4, 0.95) is beaten by (0.5, 0.99) on both.
    expect(paretoFront(points)).toEqual([1, 3, 0, 4]);
  });

  it('drops a point matched on one measure and beaten on the other', () => {
    expect(paretoFront([p(0.5, 0.9), p(0.5, 0.95)])).toEqual([1]);
    expect(paretoFront([p(0.5, 0.95), p(0.6, 0.95)])).toEqual([1]);
  });

  it('keeps exact ties together: duplicates do not dominate each other', () => {
    expect(paretoFront([p(0.5, 0.95), p(0.5, 0.95), p(0.2, 0.9)])).toEqual([0, 1]);
    expect(dominates(p(0.5, 0.95), p(0.5, 0.95))).toBe(false);
  });

  it('handles a single point and an empty list', () => {
    expect(paretoFront([p(0, 1)])).toEqual([0]);
    expect(paretoFront([])).toEqual([]);
  });
});
