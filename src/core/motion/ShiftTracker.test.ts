import { describe, expect, it } from 'vitest';
import { ShiftTracker } from './ShiftTracker';

/** A 32x24 thumbnail with a textured bright block (the person) at (x0, y0), 8x10 cells, on a dark ramp. */
function scene(x0: number, y0: number): { thumb: Float32Array; mask: Float32Array } {
  const thumb = new Float32Array(32 * 24);
  const mask = new Float32Array(32 * 24);
  for (let y = 0; y < 24; y++) {
    for (let x = 0; x < 32; x++) {
      const inside = x >= x0 && x < x0 + 8 && y >= y0 && y < y0 + 10;
      thumb[y * 32 + x] = inside ? 180 + 40 * Math.sin((x - x0) * 1.3 + (y - y0) * 0.7) : 40 + x;
      mask[y * 32 + x] = inside ? 255 : 0;
    }
  }
  return { thumb, mask };
}

describe('ShiftTracker', () => {
  it('tracks the person from the last inferred frame and discounts the motion it explains', () => {
    const t = new ShiftTracker(32, 24, { radius: 4, minGain: 0.15 }, 1);
    const a = scene(10, 6);
    expect(t.estimate(a.thumb)).toEqual({ dx: 0, dy: 0, gain: 0 });
    t.noteInference(a.thumb);
    t.noteMask(a.mask);
    const s = t.estimate(scene(13, 4).thumb);
    expect(Math.round(s.dx)).toBe(3);
    expect(Math.round(s.dy)).toBe(-2);
    const px = t.pixels(320, 240);
    expect(px.dx).toBeCloseTo(s.dx * 10, 9);
    expect(px.dy).toBeCloseTo(s.dy * 10, 9);
    expect(t.residual(10, 1)).toBeCloseTo(10 * (1 - s.gain), 9);
    expect(t.residual(10, 0)).toBe(10);
    expect(t.residual(null, 1)).toBeNull();
    t.reset();
    expect(t.estimate(scene(13, 4).thumb).gain).toBe(0);
  });
});
