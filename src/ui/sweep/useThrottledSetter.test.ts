import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './useThrottledSetter';

describe('throttle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes the first value at once, then the newest value once per interval, never losing the last', () => {
    const seen: number[] = [];
    const t = throttle(
      (v: number) => seen.push(v),
      250,
      () => Date.now(),
    );
    t(1);
    t(2);
    t(3);
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(249);
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([1, 3]);
    vi.advanceTimersByTime(1000);
    t(4);
    expect(seen).toEqual([1, 3, 4]);
  });

  it('drops what is pending when cancelled', () => {
    const seen: number[] = [];
    const t = throttle(
      (v: number) => seen.push(v),
      250,
      () => Date.now(),
    );
    t(1);
    t(2);
    t.cancel();
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual([1]);
  });
});
