import { describe, expect, it } from 'vitest';
import { type LumaPlane, lumaThumbnail } from './lumaThumbnail';

/** A plane of `width` x `height` with `pad` bytes after each row and `offset` bytes before the first. */
function plane(width: number, height: number, pixel: (x: number, y: number) => number, pad = 0, offset = 0) {
  const stride = width + pad;
  const data = new Uint8Array(offset + stride * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data[offset + y * stride + x] = pixel(x, y);
  return { data, offset, stride, width, height, fullRange: true } satisfies LumaPlane;
}

/** The thumbnail written out longhand: each cell's mean over all its columns and every `rowStep`-th row. */
function longhand(p: LumaPlane, outW: number, outH: number, rowStep: number): Float32Array {
  const out = new Float32Array(outW * outH);
  for (let oy = 0; oy < outH; oy++)
    for (let ox = 0; ox < outW; ox++) {
      const x0 = Math.round((ox * p.width) / outW);
      const x1 = Math.round(((ox + 1) * p.width) / outW);
      let sum = 0;
      let n = 0;
      for (
        let y = Math.round((oy * p.height) / outH);
        y < Math.round(((oy + 1) * p.height) / outH);
        y += rowStep
      )
        for (let x = x0; x < x1; x++, n++) sum += p.data[p.offset + y * p.stride + x];
      out[oy * outW + ox] = sum / n;
    }
  return out;
}

const noise = (x: number, y: number) => (x * 37 + y * 101 + ((x * y) % 13) * 17) & 255;

describe('lumaThumbnail', () => {
  it('averages every column over rows 0, 3, 6 and 9 of each 10-row cell (640x480 to 64x48), word by word', () => {
    const p = plane(640, 480, noise);
    const out = new Float32Array(64 * 48);
    lumaThumbnail(p, out);
    const want = longhand(p, 64, 48, 3);
    for (let i = 0; i < out.length; i++) expect(out[i]).toBeCloseTo(want[i], 4);
  });

  it('gives the same means byte by byte when the plane is not 4-aligned or a cell edge is on an odd column', () => {
    // 642 / 64: some cell edges fall on odd columns, so both read byte by byte; 130 / 13: all even, with 2 tail
    // bytes; 132 x 45 / 11 x 3: three rows of a 15-row cell (not the unrolled four).
    for (const [w, h, outW, outH, step] of [
      [642, 360, 64, 48, 2],
      [130, 60, 13, 6, 3],
      [132, 45, 11, 3, 5],
    ]) {
      const aligned = plane(w, h, noise);
      const shifted = plane(w, h, noise, 3, 1);
      const a = new Float32Array(outW * outH);
      const b = new Float32Array(outW * outH);
      lumaThumbnail(aligned, a, outW, outH);
      lumaThumbnail(shifted, b, outW, outH);
      expect(Array.from(b)).toEqual(Array.from(a));
      const want = longhand(aligned, outW, outH, step);
      for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(want[i], 4);
    }
  });

  it('stretches studio-range luma to the 0..255 grey of RGB and clamps outside it', () => {
    const out = new Uint8Array(4);
    const studio = (v: number) => ({ ...plane(20, 20, () => v), fullRange: false });
    lumaThumbnail(studio(16), out, 2, 2);
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
    lumaThumbnail(studio(235), out, 2, 2);
    expect(Array.from(out)).toEqual([255, 255, 255, 255]);
    lumaThumbnail(studio(126), out, 2, 2);
    expect(out[0]).toBe(128);
    lumaThumbnail(studio(250), out, 2, 2);
    expect(out[0]).toBe(255);
  });

  it('sees a bright square where it is', () => {
    const p = plane(640, 480, (x, y) => (x >= 100 && x < 200 && y >= 50 && y < 150 ? 200 : 0));
    const out = new Float32Array(64 * 48);
    lumaThumbnail(p, out);
    expect(out[5 * 64 + 10]).toBe(200);
    expect(out[14 * 64 + 19]).toBe(200);
    expect(out[4 * 64 + 10]).toBe(0);
    expect(out[5 * 64 + 20]).toBe(0);
  });

  it('refuses a buffer shorter than the plane it describes', () => {
    const p = plane(64, 48, () => 0);
    expect(() => lumaThumbnail({ ...p, height: 49 }, new Float32Array(64 * 48))).toThrow(RangeError);
    expect(() => lumaThumbnail(p, new Float32Array(10))).toThrow(RangeError);
  });
});
