import { describe, expect, it } from 'vitest';
import { iou } from './iou';
import { percentile } from './percentile';

describe('iou', () => {
  it('is 1 when both masks are empty and 0 for stray pixels against an empty mask', () => {
    expect(iou(new Uint8Array(10), new Uint8Array(10))).toBe(1);
    const stray = new Uint8Array(10);
    stray[3] = 255;
    expect(iou(stray, new Uint8Array(10))).toBe(0);
  });
  it('thresholds Uint8 at 128 and Float32 at 0.5, and mixes them', () => {
    const bytes = new Uint8Array([127, 128, 255, 0]);
    const probs = new Float32Array([0.49, 0.5, 1, 0]);
    expect(iou(bytes, probs)).toBe(1);
    expect(iou(new Uint8Array([255, 255, 255, 0]), probs)).toBeCloseTo(2 / 3);
  });
  it('is |A and B| / |A or B|', () => {
    const a = new Float32Array([1, 1, 1, 0, 0]);
    const b = new Float32Array([0, 1, 1, 1, 0]);
    expect(iou(a, b)).toBeCloseTo(2 / 4);
  });
  it('rejects different sizes', () => {
    expect(() => iou(new Uint8Array(3), new Uint8Array(4))).toThrow(RangeError);
  });
});

describe('percentile', () => {
  it('interpolates between closest ranks', () => {
    const v = [5, 1, 4, 2, 3];
    expect(percentile(v, 0)).toBe(1);
    expect(percentile(v, 50)).toBe(3);
    expect(percentile(v, 100)).toBe(5);
    expect(percentile(v, 5)).toBeCloseTo(1.2);
    expect(percentile([], 5)).toBeNaN();
    expect(() => percentile(v, 101)).toThrow(RangeError);
  });
});
