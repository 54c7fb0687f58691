import { describe, expect, it } from 'vitest';
import { DEFAULT_GATE_SETTINGS } from '../gate/gateSettings';
import { loadDefaultCatalog } from '../pricing/defaultCatalog';
import { summarizePoint, summarizeSweep } from './summarizeSweep';

const gate = { ...DEFAULT_GATE_SETTINGS };

describe('summarizeSweep', () => {
  it('summarises a point from its per-frame IoU', () => {
    const p = summarizePoint(gate, 1, [1, 0.9, 0.8, 1]);
    expect(p.skipRatio).toBe(0.75);
    expect(p.iouMean).toBeCloseTo(0.925, 12);
    expect(p.iouP05).toBeCloseTo(0.815, 12);
  });

  it('marks the front and the recommendation, and prices each point per 1,000 frames', () => {
    const points = [
      { gate, skipRatio: 0, iouMean: 1, iouP05: 1 },
      { gate, skipRatio: 0.8, iouMean: 0.96, iouP05: 0.9 },
      { gate, skipRatio: 0.7, iouMean: 0.95, iouP05: 0.9 },
      { gate, skipRatio: 0.95, iouMean: 0.9, iouP05: 0.6 },
    ];
    const r = summarizeSweep('clip.mp4', 60, points, { catalog: loadDefaultCatalog() });
    expect(r.pareto).toEqual([0, 1, 3]);
    expect(r.recommended).toMatchObject({ skipRatio: 0.8 });
    // $0.001 per image, 200 inferences per 1,000 frames.
    expect(r.points[1].asIfUSDPer1000Frames).toBeCloseTo(0.2, 12);
    expect(summarizeSweep('c', 60, points, { targetIou: 0.999 }).recommended).toMatchObject({ skipRatio: 0 });
    expect(summarizeSweep('c', 60, points.slice(3)).recommended).toBeNull();
  });
});
