import { describe, expect, it } from 'vitest';
import { DEFAULT_GATE_SETTINGS } from '../../core/gate/gateSettings';
import { THUMB_HEIGHT, THUMB_WIDTH } from '../../core/motion/greyThumbnail';
import type { PersonMask } from '../segmenter/segmenterTypes';
import { InferenceGate } from './InferenceGate';

const N = THUMB_WIDTH * THUMB_HEIGHT;

/** A synthetic clip: a bright square (the "person") that drifts right, with a hard cut at frame 60. */
function thumbAt(frame: number): Float32Array {
  const t = new Float32Array(N).fill(frame >= 60 ? 200 : 40);
  const x0 = 10 + Math.floor(frame / 4);
  for (let y = 12; y < 36; y++)
    for (let x = x0; x < x0 + 16 && x < THUMB_WIDTH; x++) t[y * THUMB_WIDTH + x] = 220;
  return t;
}

function maskAt(frame: number): PersonMask {
  const data = new Uint8ClampedArray(128 * 96);
  const x0 = 2 * (10 + Math.floor(frame / 4));
  for (let y = 24; y < 72; y++) for (let x = x0; x < x0 + 32 && x < 128; x++) data[y * 128 + x] = 255;
  return { data, width: 128, height: 96 };
}

/** Drives one gate over the clip the way the pipeline does (in-flight inferences settle before the next frame). */
function run(gate: InferenceGate, frames: number, fail: (f: number) => boolean = () => false): string[] {
  const out: string[] = [];
  for (let f = 0; f < frames; f++) {
    const v = gate.decide(f, thumbAt(f));
    out.push(`${v.run ? 'run' : 'skip'}:${v.reason}`);
    if (!v.run) continue;
    gate.noteInference(f);
    if (fail(f)) gate.retryNext();
    else gate.noteMask(maskAt(f));
  }
  return out;
}

describe('InferenceGate', () => {
  it('makes the same decisions wherever it runs: two gates with the same settings agree frame by frame', () => {
    // The live pipeline, the bench and each sweep point all build this class: same inputs, same decisions.
    const a = run(new InferenceGate('adaptive', DEFAULT_GATE_SETTINGS), 120);
    const b = run(new InferenceGate('adaptive', DEFAULT_GATE_SETTINGS), 120);
    expect(a).toEqual(b);
    expect(a[0]).toBe('run:first-frame');
    expect(a[60]).toBe('run:scene-cut');
    expect(a.filter((d) => d.startsWith('skip')).length).toBeGreaterThan(30);
  });

  it('asks again on the next frame after a failed inference instead of skipping against it', () => {
    const decisions = run(new InferenceGate('adaptive', DEFAULT_GATE_SETTINGS), 5, (f) => f === 0);
    expect(decisions[0]).toBe('run:first-frame');
    expect(decisions[1]).toMatch(/^run:/);
  });

  it('runs fixed policies without thumbnails', () => {
    const gate = new InferenceGate('stride:3');
    expect(gate.needsMotion).toBe(false);
    const runs = [0, 1, 2, 3, 4, 5, 6].map((f) => {
      const v = gate.decide(f, null);
      if (v.run) gate.noteInference(f);
      return v.run;
    });
    expect(runs).toEqual([true, false, false, true, false, false, true]);
    expect(() => gate.setPolicy('stride:0')).toThrow(RangeError);
  });

  it('tracks how far the person moved since the inferred frame, in mask pixels, and only when warping', () => {
    // The square drifts one thumbnail cell every 4 frames: 2 px of the 128 x 96 mask.
    const warping = new InferenceGate('adaptive', { ...DEFAULT_GATE_SETTINGS, maxSkipFrames: 100 });
    const plain = new InferenceGate('adaptive', { ...DEFAULT_GATE_SETTINGS, warp: false });
    for (const gate of [warping, plain]) {
      gate.decide(0, thumbAt(0));
      gate.noteInference(0);
      gate.noteMask(maskAt(0));
    }
    const seen: number[] = [];
    for (let f = 1; f <= 16; f++) {
      warping.decide(f, thumbAt(f));
      plain.decide(f, thumbAt(f));
      expect(plain.maskShift(128, 96)).toEqual({ dx: 0, dy: 0 });
      const { dx, dy } = warping.maskShift(128, 96);
      expect(dy).toBe(0);
      seen.push(dx);
    }
    // 16 frames later the square is 4 cells (8 px) to the right.
    expect(seen.at(-1)).toBe(8);
    expect(seen.every((dx, i) => i === 0 || dx >= seen[i - 1])).toBe(true);
    // A fixed stride shows the mask unmoved.
    expect(new InferenceGate('stride:3').warps).toBe(false);
  });
});
