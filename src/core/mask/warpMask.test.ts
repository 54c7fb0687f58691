import { describe, expect, it } from 'vitest';
import { warpMask } from './warpMask';

/** A w x h mask with a person rectangle [x0, x1) x [y0, y1). */
function rect(w: number, h: number, x0: number, y0: number, x1: number, y1: number): Uint8Array {
  const m = new Uint8Array(w * h);
  for (let y = y0; y < y1; y++) m.fill(255, y * w + x0, y * w + x1);
  return m;
}

describe('warpMask', () => {
  it('moves a person rectangle by whole pixels, rounding fractional shifts', () => {
    const out = new Uint8Array(20 * 10);
    warpMask(rect(20, 10, 2, 2, 6, 5), 20, 10, 3.4, 1.6, out);
    expect(Array.from(out)).toEqual(Array.from(rect(20, 10, 5, 4, 9, 7)));
    warpMask(rect(20, 10, 5, 4, 9, 7), 20, 10, -3, -2, out);
    expect(Array.from(out)).toEqual(Array.from(rect(20, 10, 2, 2, 6, 5)));
  });

  it('repeats the edge pixels for what comes in from beyond the border', () => {
    // A person cut by the bottom edge (rows 6..9), moved up by 3: still cut by the bottom edge.
    const out = new Uint8Array(8 * 10);
    warpMask(rect(8, 10, 2, 6, 5, 10), 8, 10, 0, -3, out);
    expect(Array.from(out)).toEqual(Array.from(rect(8, 10, 2, 3, 5, 10)));
    // Cut by the left edge, moved right by 2: the left columns repeat.
    warpMask(rect(8, 10, 0, 0, 3, 10), 8, 10, 2, 0, out);
    expect(Array.from(out)).toEqual(Array.from(rect(8, 10, 0, 0, 5, 10)));
  });

  it('copies the mask unchanged for no shift and empties it for a shift beyond the frame', () => {
    const src = rect(8, 6, 2, 1, 5, 4);
    const out = new Uint8Array(48);
    warpMask(src, 8, 6, 0, 0, out);
    expect(Array.from(out)).toEqual(Array.from(src));
    warpMask(src, 8, 6, 100, 0, out);
    expect(out.every((v) => v === 0)).toBe(true);
  });

  it('rejects small buffers and in-place use', () => {
    const m = new Uint8Array(4);
    expect(() => warpMask(m, 4, 4, 0, 0, new Uint8Array(16))).toThrow(RangeError);
    expect(() => warpMask(new Uint8Array(16), 4, 4, 0, 0, new Uint8Array(16).subarray(0, 8))).toThrow(
      RangeError,
    );
    const same = new Uint8Array(16);
    expect(() => warpMask(same, 4, 4, 1, 0, same)).toThrow(RangeError);
  });
});
