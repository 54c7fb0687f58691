import { describe, expect, it } from 'vitest';
import { MaskCache } from './MaskCache';

/** A 16 x 8 mask with columns [x0, x0 + 4) set. */
function bar(x0: number) {
  const data = new Uint8ClampedArray(16 * 8);
  for (let y = 0; y < 8; y++) for (let x = x0; x < x0 + 4; x++) data[y * 16 + x] = 255;
  return { data, width: 16, height: 8 };
}

describe('MaskCache', () => {
  it('shows the inferred mask moved, each time from the inferred one, and a fresh mask unmoved', () => {
    const cache = new MaskCache();
    const inferred = bar(2);
    cache.put(inferred, 0);
    cache.show(3, 0);
    expect(cache.mask?.data).toEqual(bar(5).data);
    const moved = cache.mask;
    // Moving again starts from the inferred mask, not from the one on screen.
    cache.show(4, 0);
    expect(cache.mask?.data).toEqual(bar(6).data);
    expect(cache.inferred).toBe(inferred);
    // The mask shown before is left as it was (an inference may still compare against it).
    expect(moved?.data).toEqual(bar(5).data);
    const version = cache.version;
    cache.show(4, 0);
    expect(cache.version).toBe(version);
    cache.show(0, 0);
    expect(cache.mask).toBe(inferred);
    cache.show(1, 0);
    cache.put(bar(8), 1);
    expect(cache.mask?.data).toEqual(bar(8).data);
  });
});
