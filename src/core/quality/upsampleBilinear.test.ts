import { describe, expect, it } from 'vitest';
import { upsampleBilinear } from './upsampleBilinear';

describe('upsampleBilinear', () => {
  it('keeps flat areas flat and interpolates across an edge', () => {
    const src = new Uint8Array([0, 255, 0, 255]); // 2x2: left column 0, right column 255
    const out = new Uint8Array(4 * 2);
    upsampleBilinear(src, 2, 2, out, 4, 2);
    expect(Array.from(out)).toEqual([0, 64, 191, 255, 0, 64, 191, 255]);
  });

  it('is the identity at the same size', () => {
    const src = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const out = new Uint8Array(6);
    upsampleBilinear(src, 3, 2, out, 3, 2);
    expect(Array.from(out)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
