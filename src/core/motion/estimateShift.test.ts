import { describe, expect, it } from 'vitest';
import { warpMask } from '../mask/warpMask';
import { iou } from '../quality/iou';
import { DEFAULT_SHIFT_OPTIONS, estimateShift, type Shift, ShiftCells } from './estimateShift';
import { greyThumbnail, THUMB_HEIGHT, THUMB_WIDTH } from './greyThumbnail';
import { shiftWeights } from './shiftWeights';

const W = 640;
const H = 480;
const TW = THUMB_WIDTH;
const TH = THUMB_HEIGHT;

/** An ellipse "person" (head and body) centred at (cx, cy), as a 0/255 mask at W x H. */
function personMask(cx: number, cy: number): Uint8Array {
  const m = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const body = ((x - cx) / 110) ** 2 + ((y - cy - 60) / 170) ** 2 <= 1;
      const head = ((x - cx) / 50) ** 2 + ((y - cy - 150 + 60) / 60) ** 2 <= 1;
      if (body || head) m[y * W + x] = 255;
    }
  }
  return m;
}

/** A textured frame: a static background and a person whose texture moves with them. RGBA, grey. */
function frame(cx: number, cy: number, mask: Uint8Array, seed = 0): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(W * H * 4);
  let s = seed;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      let g =
        mask[i] > 0
          ? 170 + 50 * Math.sin((x - cx) / 13) * Math.cos((y - cy) / 19)
          : 70 + 35 * Math.sin(x / 29 + y / 41) + 20 * Math.cos(y / 11);
      if (seed) {
        s = (s * 1103515245 + 12345) % 2 ** 31;
        g += (s % 9) - 4; // sensor noise
      }
      rgba.set([g, g, g, 255], i * 4);
    }
  }
  return rgba;
}

function thumbs(cx: number, cy: number, seed = 0) {
  const mask = personMask(cx, cy);
  const grey = new Float32Array(TW * TH);
  greyThumbnail(frame(cx, cy, mask, seed), W, H, grey);
  const maskThumb = new Float32Array(TW * TH);
  greyThumbnail(mask, W, H, maskThumb, TW, TH, 1);
  return { mask, grey, maskThumb };
}

describe('estimateShift', () => {
  const ref = thumbs(300, 220);
  const weights = new Float32Array(TW * TH);
  const cells = shiftWeights(ref.maskThumb, TW, TH, weights, 2);
  const band = new ShiftCells(TW, TH).set(weights);

  it('weights only the person side of the outline', () => {
    expect(cells).toBeGreaterThan(50);
    // Far background and deep interior carry no weight.
    expect(weights[2 * TW + 2]).toBe(0);
    expect(weights[Math.round(280 / 10) * TW + 30]).toBe(0);
  });

  it('recovers a shift of the person, and the warped mask matches the moved one', () => {
    const cur = thumbs(323, 206);
    const out: Shift = { dx: 0, dy: 0, gain: 0 };
    estimateShift(ref.grey, cur.grey, band, out);
    expect(Math.abs(out.dx - 2.3)).toBeLessThan(0.4);
    expect(Math.abs(out.dy + 1.4)).toBeLessThan(0.4);
    expect(out.gain).toBeGreaterThan(0.5);
    const warped = new Uint8Array(W * H);
    warpMask(ref.mask, W, H, out.dx * (W / TW), out.dy * (H / TH), warped);
    const stale = iou(ref.mask, cur.mask);
    const moved = iou(warped, cur.mask);
    expect(stale).toBeLessThan(0.85);
    expect(moved).toBeGreaterThan(0.96);
  });

  it('finds the same shift whatever the previous one it starts the search from', () => {
    const cur = thumbs(323, 206);
    const first: Shift = { dx: 0, dy: 0, gain: 0 };
    estimateShift(ref.grey, cur.grey, band, first);
    for (const [dx, dy] of [
      [6, 6],
      [-6, 4],
      [2.3, -1.4],
      [-0.6, 5.2],
      [40, -40],
      [Number.NaN, Number.POSITIVE_INFINITY],
    ]) {
      const out: Shift = { dx, dy, gain: 0 };
      estimateShift(ref.grey, cur.grey, band, out);
      expect(out).toEqual(first);
    }
  });

  it('matches a person cut by the frame edge, leaving out the cells a shift moves outside', () => {
    // At the right edge (columns reach the edge) and at the bottom (rows do): moved by (-10, 5) and (10, -20) px.
    for (const [x0, y0, x1, y1] of [
      [600, 220, 590, 225],
      [320, 400, 330, 380],
    ]) {
      const from = thumbs(x0, y0);
      const w = new Float32Array(TW * TH);
      shiftWeights(from.maskThumb, TW, TH, w, 2);
      const edgeBand = new ShiftCells(TW, TH).set(w);
      expect(edgeBand.maxX === TW - 1 || edgeBand.rowFirst[TH - 1] < edgeBand.count).toBe(true);
      const out: Shift = { dx: 0, dy: 0, gain: 0 };
      estimateShift(from.grey, thumbs(x1, y1).grey, edgeBand, out);
      expect(Math.abs(out.dx - (x1 - x0) / 10)).toBeLessThan(0.4);
      expect(Math.abs(out.dy - (y1 - y0) / 10)).toBeLessThan(0.4);
    }
  });

  it('keeps the weighted cells in row-major order with the first of each row', () => {
    const w = new Float32Array(4 * 3);
    w[1] = 0.5;
    w[2] = 1;
    w[9] = 0.25;
    const c = new ShiftCells(4, 3).set(w);
    expect(c.count).toBe(3);
    expect(Array.from(c.index.subarray(0, 3))).toEqual([1, 2, 9]);
    expect(Array.from(c.rowFirst)).toEqual([0, 2, 2, 3]);
    expect(c.total).toBe(1.75);
    expect([c.minX, c.maxX]).toEqual([1, 2]);
  });

  it('reports no shift for a still person under sensor noise', () => {
    const cur = thumbs(300, 220, 99);
    const out: Shift = { dx: 9, dy: 9, gain: 9 };
    estimateShift(ref.grey, cur.grey, band, out);
    expect(out).toEqual({ dx: 0, dy: 0, gain: 0 });
  });

  it('reports no shift when nothing is weighted, and rejects small buffers', () => {
    const out: Shift = { dx: 1, dy: 1, gain: 1 };
    estimateShift(ref.grey, ref.grey, new ShiftCells(TW, TH).set(new Float32Array(TW * TH)), out);
    expect(out).toEqual({ dx: 0, dy: 0, gain: 0 });
    expect(() => estimateShift(ref.grey, new Float32Array(4), band, out)).toThrow(RangeError);
  });

  it('costs well under 1 ms per frame (printed, not asserted)', () => {
    const cur = thumbs(318, 230);
    const out: Shift = { dx: 0, dy: 0, gain: 0 };
    const n = 500;
    // CPU time of this process, not wall time: the machine may be shared.
    const cpuMs = (from: NodeJS.CpuUsage) => {
      const d = process.cpuUsage(from);
      return (d.user + d.system) / 1000;
    };
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) estimateShift(ref.grey, cur.grey, band, out, DEFAULT_SHIFT_OPTIONS);
    const shiftMs = cpuMs(c0) / n;
    const warped = new Uint8Array(W * H);
    const c1 = process.cpuUsage();
    for (let i = 0; i < n; i++) warpMask(ref.mask, W, H, 13, -7, warped);
    const warpMs = cpuMs(c1) / n;
    console.log(
      `estimateShift ${shiftMs.toFixed(3)} ms CPU (${cells} cells, radius ${DEFAULT_SHIFT_OPTIONS.radius}); ` +
        `warpMask 640x480 ${warpMs.toFixed(3)} ms CPU`,
    );
    expect(out.dx).toBeGreaterThan(1);
  });
});
