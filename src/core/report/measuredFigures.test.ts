import { describe, expect, it } from 'vitest';
import { MAX_SWEEP_POINTS, measuredFromSweep } from './measuredFigures.ts';

const point = (i: number) => ({ skipRatio: (i % 100) / 100, iouMean: 0.95, iouP05: 0.9 });

describe('measuredFromSweep', () => {
  it('takes a sweep output and keeps its points for the chart', () => {
    const sweep = {
      video: 'v.mp4',
      frames: 60,
      points: [point(1), point(2)],
      pareto: [1],
      recommended: point(2),
    };
    const r = measuredFromSweep(JSON.stringify(sweep));
    expect(r.ok && r.value.sweep?.points).toHaveLength(2);
  });

  it('refuses a sweep file of 130,000 points with one line, instead of crashing the chart', () => {
    const points = Array.from({ length: 130_000 }, (_, i) => point(i));
    const r = measuredFromSweep(
      JSON.stringify({ video: 'v.mp4', frames: 60, points, pareto: [], recommended: null }),
    );
    expect(r).toEqual({ ok: false, errors: [`points: at most ${MAX_SWEEP_POINTS} items`] });
  });
});
