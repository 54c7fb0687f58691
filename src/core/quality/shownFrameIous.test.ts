import { describe, expect, it } from 'vitest';
import { shownFrameIous } from './shownFrameIous';

const mask = (bits: number[]) => ({ data: Uint8Array.from(bits, (b) => b * 255), width: 2, height: 2 });

describe('shownFrameIous', () => {
  const references = [mask([1, 1, 0, 0]), mask([1, 1, 1, 1]), undefined];

  it('scores each shown mask against the reference of the frame it showed, at the frame size', () => {
    const shown = [
      { index: 0, mask: mask([1, 1, 0, 0]) },
      // A stale mask of frame 0 shown on frame 1: half the person.
      { index: 1, mask: mask([1, 1, 0, 0]) },
    ];
    expect(shownFrameIous(shown, references, 4, 4)).toEqual([1, 0.5]);
  });

  it('counts a frame shown before any mask as empty, and leaves out frames without a reference', () => {
    const shown = [
      { index: 0, mask: null },
      { index: 2, mask: mask([1, 1, 1, 1]) },
      { index: 7, mask: null },
    ];
    expect(shownFrameIous(shown, references, 2, 2)).toEqual([0]);
  });
});
