import { describe, expect, it } from 'vitest';
import { greyThumbnail } from './greyThumbnail';

function rgbaFrom(grey: number[], width: number, height: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * 4);
  grey.forEach((g, i) => {
    out.set([g, g, g, 255], i * 4);
  });
  return out;
}

describe('greyThumbnail', () => {
  it('uses Rec.601 luma', () => {
    const rgba = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 255]);
    const out = new Float32Array(4);
    greyThumbnail(rgba, 4, 1, out, 4, 1);
    expect(Array.from(out)).toEqual(
      [0.299 * 255, 0.587 * 255, 0.114 * 255, 0.299 * 10 + 0.587 * 20 + 0.114 * 30].map(Math.fround),
    );
  });

  it('averages whole blocks on integer ratios', () => {
    // 4x2 -> 2x1: each output is the mean of a 2x2 block.
    const rgba = rgbaFrom([0, 10, 100, 200, 20, 30, 50, 50], 4, 2);
    const out = new Float32Array(2);
    greyThumbnail(rgba, 4, 2, out, 2, 1);
    expect(out[0]).toBeCloseTo(15, 4);
    expect(out[1]).toBeCloseTo(100, 4);
  });

  it('weights straddling pixels by their overlap on non-integer ratios', () => {
    // 3 -> 2 columns: box 0 covers pixel 0 and half of pixel 1; box 1 the other half and pixel 2.
    const rgba = rgbaFrom([30, 90, 150], 3, 1);
    const out = new Float32Array(2);
    greyThumbnail(rgba, 3, 1, out, 2, 1);
    expect(out[0]).toBeCloseTo((30 + 0.5 * 90) / 1.5, 4);
    expect(out[1]).toBeCloseTo((0.5 * 90 + 150) / 1.5, 4);
  });

  it('preserves the mean brightness of a random frame (640x360 -> 64x48)', () => {
    const w = 640;
    const h = 360;
    let seed = 7;
    const grey = Array.from({ length: w * h }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 256;
    });
    const out = new Float32Array(64 * 48);
    greyThumbnail(rgbaFrom(grey, w, h), w, h, out);
    const meanIn = grey.reduce((a, b) => a + b, 0) / grey.length;
    const meanOut = out.reduce((a, b) => a + b, 0) / out.length;
    expect(meanOut).toBeCloseTo(meanIn, 2);
  });

  it('rounds into integer buffers and keeps a flat frame flat', () => {
    const rgba = rgbaFrom(new Array(100 * 75).fill(77), 100, 75);
    const out = new Uint8Array(64 * 48);
    greyThumbnail(rgba, 100, 75, out);
    expect(out.every((v) => v === 77)).toBe(true);
  });

  it('gives the same means on integer ratios (block path) as on a non-integer one of the same frame', () => {
    // 128x96 -> 64x48 takes the block path; 128x96 -> 64x48 via 127.999-wide boxes cannot, so compare the block
    // path with a direct mean over each 2x2 block instead.
    let seed = 11;
    const w = 128;
    const h = 96;
    const rgba = new Uint8ClampedArray(w * h * 4).map(() => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 256;
    });
    const out = new Float32Array(64 * 48);
    greyThumbnail(rgba, w, h, out);
    const luma = (i: number) => 0.299 * rgba[i * 4] + 0.587 * rgba[i * 4 + 1] + 0.114 * rgba[i * 4 + 2];
    for (const [x, y] of [
      [0, 0],
      [63, 47],
      [17, 30],
    ]) {
      const i = 2 * y * w + 2 * x;
      expect(out[y * 64 + x]).toBeCloseTo((luma(i) + luma(i + 1) + luma(i + w) + luma(i + w + 1)) / 4, 3);
    }
  });

  it('rejects buffers that are too small', () => {
    expect(() => greyThumbnail(new Uint8ClampedArray(8), 4, 4, new Float32Array(4), 2, 2)).toThrow(
      RangeError,
    );
    expect(() => greyThumbnail(new Uint8ClampedArray(64), 4, 4, new Float32Array(3), 2, 2)).toThrow(
      RangeError,
    );
  });
});

describe('greyThumbnail of a one-channel mask', () => {
  it('averages the values as they are', () => {
    const mask = new Uint8ClampedArray(4 * 2).fill(0);
    mask.set([255, 255, 0, 0, 255, 255, 0, 0]);
    const out = new Float32Array(2);
    greyThumbnail(mask, 4, 2, out, 2, 1, 1);
    expect(Array.from(out)).toEqual([255, 0]);
  });
});
