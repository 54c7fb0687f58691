import { describe, expect, it } from 'vitest';
import type { ClipCache } from './gateStudyCache';
import { type IouTable, W } from './gateStudyTables';
import { runThresholdGate, thresholdBound } from './oracleBounds';
import { FEATURES, fitPredictor, predictedStaleness } from './stalenessPredictor';

/** A clip whose cached mask loses `perFrame` IoU per frame shown, whatever the frame. */
function linearClip(frames: number, perFrame: number): IouTable {
  const clip = { name: 'synthetic', frames } as ClipCache;
  const iou = new Float32Array(frames * (W + 1));
  for (let s = 0; s < frames; s++)
    for (let k = 0; k <= W; k++) iou[s * (W + 1) + k] = Math.max(0, 1 - perFrame * k);
  return { clip, iou, prevDiff: new Float32Array(frames), hardCuts: [] };
}

describe('oracle threshold gate', () => {
  it('finds the longest reuse that holds the target: 6 frames at 0.019 IoU lost per frame', () => {
    // Segments of 6 frames average 1 - 0.019 * 2.5 = 0.9525; of 7, 0.943 (below 0.95).
    const t = linearClip(600, 0.019);
    const best = thresholdBound(t, t.iou, null);
    expect(best?.inferences).toBe(100);
    expect(best?.iouMean).toBeCloseTo(0.9525, 4);
    expect(best?.threshold).toBeGreaterThan(0.095);
    expect(best?.threshold).toBeLessThanOrEqual(0.114);
  });

  it('still infers on every scene cut and at the refresh cap', () => {
    const t = linearClip(600, 0);
    expect(runThresholdGate(t, t.iou, null, 0.1).inferences).toBe(20); // every 30th frame
    t.prevDiff[301] = 100;
    const withCut = runThresholdGate(t, t.iou, null, 0.1);
    expect(withCut.inferences).toBe(21);
  });

  it('with a signal, infers where the signal says, and scores what is shown', () => {
    const t = linearClip(90, 0.01);
    const never = new Float32Array(t.iou.length);
    const r = runThresholdGate(t, t.iou, never, 0.5);
    expect(r.inferences).toBe(3); // only the first frame and the two refreshes
    expect(r.iouMin).toBeCloseTo(1 - 0.01 * 29, 5);
    expect(thresholdBound(t, t.iou, never)).toBeNull(); // 0.855 mean: the target cannot be met
  });
});

describe('staleness predictor', () => {
  it('recovers the weights of a log-linear staleness from its features', () => {
    const frames = 60;
    const t = linearClip(frames, 0);
    const features = new Float32Array(frames * (W + 1) * FEATURES);
    const truth = [-4, 1.5, 0, 0.5, 0, 0.8, 0, 0];
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let s = 0; s < frames; s++) {
      for (let k = 1; k <= 30 && s + k < frames; k++) {
        const o = (s * (W + 1) + k) * FEATURES;
        let z = 0;
        for (let i = 0; i < FEATURES; i++) {
          features[o + i] = i === 0 ? 1 : rand() * 2;
          z += truth[i] * features[o + i];
        }
        t.iou[s * (W + 1) + k] = 1 - (Math.exp(z) - 0.01);
      }
    }
    const w = fitPredictor([{ t, iou: t.iou, features }]);
    for (let i = 1; i < FEATURES; i++) expect(w[i]).toBeCloseTo(truth[i], 1);
    const p = predictedStaleness(features, w);
    const at = 10 * (W + 1) + 5;
    expect(p[at]).toBeCloseTo(Math.min(1, Math.max(0, 1 - t.iou[at])), 1);
  });
});
