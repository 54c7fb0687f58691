import { describe, expect, it } from 'vitest';
import { frameIndexAt, MAX_SEEK_ATTEMPTS, type SeekReads, seekVerdict } from './seekCheck';

const FPS = 30;
const at = (frame: number) => frame / FPS;
const reads = (want: number, seeks: (number | null)[], lookedAgain = false): SeekReads => ({
  want,
  fps: FPS,
  target: (want + 0.5) / FPS,
  seeks,
  lookedAgain,
});

describe('frameIndexAt', () => {
  it('maps a frame start time to its index, also when the container rounds times to milliseconds', () => {
    expect(frameIndexAt(0, FPS)).toBe(0);
    expect(frameIndexAt(73 / 30, FPS)).toBe(73);
    expect(frameIndexAt(2.433333, FPS)).toBe(73); // microseconds, as VideoFrame.timestamp gives them
    expect(frameIndexAt(0.033, FPS)).toBe(1); // a WebM's millisecond timestamps
    expect(frameIndexAt(0.067, FPS)).toBe(2);
    expect(frameIndexAt(1.001, 29.97)).toBe(30);
  });
});

describe('seekVerdict', () => {
  it('uses the frame when the seek landed on it', () => {
    expect(seekVerdict(reads(73, [at(73)]))).toBe('landed');
    expect(seekVerdict(reads(73, [at(72), at(73)], true))).toBe('landed');
  });

  it('looks again after the next presented frame before seeking again', () => {
    expect(seekVerdict(reads(73, [at(72)]))).toBe('look-again');
    expect(seekVerdict(reads(73, [null]))).toBe('look-again');
    expect(seekVerdict(reads(73, [at(72)], true))).toBe('seek-again');
    expect(seekVerdict(reads(73, [at(74), at(72)], true))).toBe('seek-again');
  });

  it('gives up after a bounded number of seeks that never landed', () => {
    const seeks = [at(72), at(74), at(72), at(72)].slice(0, MAX_SEEK_ATTEMPTS);
    expect(seekVerdict(reads(73, seeks, true))).toBe('fail');
    expect(seekVerdict(reads(73, Array(MAX_SEEK_ATTEMPTS).fill(null), true))).toBe('fail');
  });

  it('never accepts a frame from after the target, however steady', () => {
    expect(seekVerdict(reads(73, Array(MAX_SEEK_ATTEMPTS).fill(at(74)), true))).toBe('fail');
  });

  it('accepts a steady frame before the target in a clip off the detected rate (variable frame rate)', () => {
    // Every seek to frame 10's middle showed the same earlier frame: the clip has no frame nearer the target.
    expect(seekVerdict(reads(10, Array(MAX_SEEK_ATTEMPTS).fill(0.3), true))).toBe('landed');
    expect(seekVerdict(reads(10, Array(MAX_SEEK_ATTEMPTS - 1).fill(0.3), true))).toBe('seek-again');
  });
});
