import { describe, expect, it } from 'vitest';
import { summarizeBench } from './benchSummary';
import { DEFAULT_GATE_SETTINGS } from './gate/gateSettings';

const frames = {
  fps: 30,
  frames: 4,
  model: 'm',
  runtime: 'tfjs',
  backend: 'wasm',
  policy: 'adaptive',
  gate: DEFAULT_GATE_SETTINGS,
  ran: [true, false, false, true],
  reasons: ['first-frame', 'static-skip', 'static-skip', 'motion'],
  iou: [1, 0.9, 0.8, 1],
  gtEveryFrame: null,
  gtPolicy: null,
  modelMs: [10, 20, 30, 40],
  gateMs: [0.1, 0.2, 0.3, 0.4],
  composeMs: [1, 1, 1, 1],
};

describe('summarizeBench', () => {
  it('counts inferences, reasons and the skip ratio', () => {
    const s = summarizeBench('clip.mp4', frames);
    expect(s.inferences).toBe(2);
    expect(s.skipRatio).toBe(0.5);
    expect(s.reasons).toEqual({ 'first-frame': 1, 'static-skip': 2, motion: 1 });
  });

  it('reports mean, 5th percentile and minimum IoU over frames', () => {
    const s = summarizeBench('clip.mp4', frames);
    expect(s.quality.iouMean).toBeCloseTo(0.925, 12);
    expect(s.quality.iouMin).toBe(0.8);
    expect(s.quality.iouP05).toBeCloseTo(0.8 + 0.15 * 0.1, 12); // rank 0.15 between 0.8 and 0.9
    expect(s.groundTruth).toBeNull();
    expect(s.timingMs.inferenceP50).toBe(25);
  });

  it('prices the gate against the model: gate mean (with the warp) over inference mean', () => {
    const s = summarizeBench('clip.mp4', { ...frames, warp: true, warpMs: [0.1, 0.1, 0.1, 0.1] });
    expect(s.warp).toBe(true);
    expect(s.timingMs.gateMean).toBeCloseTo(0.35, 12);
    expect(s.timingMs.warpMean).toBeCloseTo(0.1, 12);
    expect(s.timingMs.inferenceMean).toBe(25);
    expect(s.timingMs.gateToInference).toBeCloseTo(0.014, 12);
    expect(s.timingMs.sampleMean).toBeNull();
    expect(summarizeBench('clip.mp4', frames).warp).toBe(false);
    // The thumbnail's share of the gate, when the pipeline recorded it.
    const sampled = summarizeBench('clip.mp4', { ...frames, sampleMs: [0.05, 0.05, 0.15, 0.15] });
    expect(sampled.timingMs.sampleMean).toBeCloseTo(0.1, 12);
    expect(sampled.timingMs.ownToInference).toBeCloseTo((0.25 - 0.1) / 25, 12);
    expect(s.timingMs.ownToInference).toBeNull();
  });

  it('averages ground-truth IoUs when masks were given', () => {
    const s = summarizeBench('clip.mp4', {
      ...frames,
      gtEveryFrame: [0.5, 0.7, 0.9, 0.9],
      gtPolicy: [0.5, 0.5, 0.5, 0.5],
    });
    expect(s.groundTruth).toEqual({ everyFrameIouMean: 0.75, policyIouMean: 0.5 });
  });
});
