import { describe, expect, it } from 'vitest';
import { edgeWeights } from './edgeWeights';
import { MotionScorer } from './MotionScorer';

const OPTS = { edgeWeight: 3, interiorWeight: 0, backgroundWeight: 1, radius: 1 };

describe('edgeWeights', () => {
  it('splits cells into background, outline band and interior', () => {
    // 7x1 row: person on cells 2..6.
    const mask = new Float32Array([0, 0, 255, 255, 255, 255, 255]);
    const out = new Float32Array(7);
    edgeWeights(mask, 7, 1, out, OPTS);
    expect(Array.from(out)).toEqual([1, 3, 3, 0, 0, 0, 0]);
    edgeWeights(mask, 7, 1, out, { ...OPTS, radius: 2 });
    expect(Array.from(out)).toEqual([3, 3, 3, 3, 0, 0, 0]);
  });
  it('weights an empty mask as background everywhere', () => {
    const out = new Float32Array(6);
    edgeWeights(new Uint8Array(6), 3, 2, out, OPTS);
    expect(Array.from(out)).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

describe('MotionScorer', () => {
  it('scores against the last inferred frame and the previous frame', () => {
    const s = new MotionScorer(2, 1);
    s.thumb.set([10, 10]);
    expect(s.score()).toEqual({ motion: null, sceneChange: null });
    s.noteInference();
    s.thumb.set([12, 10]);
    expect(s.score()).toEqual({ motion: 1, sceneChange: 1 });
    s.thumb.set([14, 10]);
    // Drift adds up against the reference, while the frame-to-frame change stays small.
    expect(s.score()).toEqual({ motion: 2, sceneChange: 1 });
    s.noteMask(new Float32Array([255, 255]), OPTS);
    s.thumb.set([16, 10]);
    expect(s.score().motion).toBe(0);
    s.reset();
    s.thumb.set([0, 0]);
    expect(s.score()).toEqual({ motion: null, sceneChange: null });
  });
});
