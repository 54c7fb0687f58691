import { describe, expect, it } from 'vitest';
import { DEFAULT_GATE_SETTINGS, parseGateSettings } from '../gate/gateSettings';
import { defaultGrid } from './defaultGrid';

describe('defaultGrid', () => {
  const grid = defaultGrid();

  it('has at least 12 distinct valid points, the defaults among them', () => {
    expect(grid.length).toBeGreaterThanOrEqual(12);
    expect(new Set(grid.map((g) => JSON.stringify(g))).size).toBe(grid.length);
    for (const g of grid) expect(parseGateSettings(g).ok).toBe(true);
    expect(grid).toContainEqual({ ...DEFAULT_GATE_SETTINGS });
  });

  it('spans the thresholds, the skip cap and the scene-cut threshold', () => {
    const values = (k: keyof typeof DEFAULT_GATE_SETTINGS) => new Set(grid.map((g) => g[k]));
    expect(values('staticThreshold').size).toBeGreaterThanOrEqual(4);
    expect(values('maxSkipFrames').size).toBeGreaterThanOrEqual(3);
    expect(values('sceneCutThreshold').size).toBeGreaterThanOrEqual(3);
  });

  it('follows the base settings it is derived from', () => {
    const base = { ...DEFAULT_GATE_SETTINGS, staticThreshold: 2, motionThreshold: 4 };
    const g = defaultGrid(base);
    expect(g.some((s) => s.staticThreshold === 2 && s.motionThreshold === 4)).toBe(true);
    for (const s of g) expect(s.motionThreshold).toBeGreaterThanOrEqual(s.staticThreshold);
  });
});
