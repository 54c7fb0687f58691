import { describe, expect, it } from 'vitest';
import { summarizeRealtime } from './realtimeSummary';

describe('summarizeRealtime', () => {
  const record = { iou: [1, 0.9, 0.8, 0.5], sourceFrames: 6, inferences: 2, busy: 1, unmasked: 0 };

  it('puts the live mean and 5th percentile beside the frame-stepped ones', () => {
    const s = summarizeRealtime(record, { iouMean: 0.97, iouP05: 0.9 });
    expect(s).toMatchObject({
      frameSteppedIouMean: 0.97,
      frameSteppedIouP05: 0.9,
      frames: 4,
      sourceFrames: 6,
    });
    expect(s.iouMean).toBeCloseTo(0.8, 12);
    expect(s.iouP05).toBeCloseTo(0.545, 12);
    expect(s).toMatchObject({ inferences: 2, busy: 1, unmasked: 0 });
  });

  it('fails when no frame was displayed', () => {
    expect(() => summarizeRealtime({ ...record, iou: [] }, { iouMean: 1, iouP05: 1 })).toThrow(/no frame/);
  });
});
