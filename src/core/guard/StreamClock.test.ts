import { describe, expect, it } from 'vitest';
import { StreamClock } from './StreamClock.ts';

describe('StreamClock', () => {
  it('follows media time and survives loops and seeks', () => {
    const clock = new StreamClock(2, 0.04);
    expect(clock.advance(5)).toBe(0);
    expect(clock.advance(5.5)).toBeCloseTo(0.5);
    expect(clock.advance(5.5)).toBeCloseTo(0.5);
    expect(clock.advance(6)).toBeCloseTo(1);
    // Loop back to the start: one typical gap (the last one, 0.5 s).
    expect(clock.advance(0)).toBeCloseTo(1.5);
    // Seek far ahead: also one typical gap.
    expect(clock.advance(100)).toBeCloseTo(2);
    clock.reset();
    expect(clock.advance(7)).toBe(0);
  });
});
