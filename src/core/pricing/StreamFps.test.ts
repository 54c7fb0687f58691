import { describe, expect, it } from 'vitest';
import { FALLBACK_FPS, StreamFps } from './StreamFps';

describe('StreamFps', () => {
  it('assumes 30 fps until measured, then keeps the last measurement, rounded to 0.1', () => {
    const f = new StreamFps();
    expect(f.update(null)).toBe(FALLBACK_FPS);
    expect(f.measured).toBe(false);
    expect(f.update(29.97)).toBe(30);
    expect(f.update(24.04)).toBe(24);
    expect(f.update(null)).toBe(24);
    expect(f.update(0)).toBe(24);
    expect(f.measured).toBe(true);
  });
});
