import { describe, expect, it } from 'vitest';
import { DEFAULT_GATE_SETTINGS } from '../gate/gateSettings';
import { MAX_GRID_POINTS, parseGrid } from './parseGrid';

describe('parseGrid', () => {
  it('completes partial points from the defaults', () => {
    const r = parseGrid('[{"staticThreshold": 2, "motionThreshold": 2}, {"maxSkipFrames": 10}]');
    expect(r).toEqual({
      ok: true,
      grid: [
        { ...DEFAULT_GATE_SETTINGS, staticThreshold: 2, motionThreshold: 2 },
        { ...DEFAULT_GATE_SETTINGS, maxSkipFrames: 10 },
      ],
    });
  });

  it('lists every bad field of every point with its index', () => {
    const r = parseGrid([{ staticThreshold: 'x', maxSkipFrames: 1.5 }, {}, { bogus: 1, maxQuality: 'yes' }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      '[0].staticThreshold: must be a finite number',
      '[0].maxSkipFrames: must be an integer',
      '[2].bogus: unknown field',
      '[2].maxQuality: must be true or false',
    ]);
  });

  it('rejects what is not a non-empty list of objects', () => {
    expect(parseGrid('{')).toMatchObject({ ok: false, errors: [expect.stringMatching(/not valid JSON/)] });
    expect(parseGrid({ staticThreshold: 1 })).toMatchObject({ ok: false, errors: [/JSON list/] });
    expect(parseGrid([])).toEqual({ ok: false, errors: ['the grid is empty'] });
    expect(parseGrid([3])).toEqual({ ok: false, errors: ['[0]: gate settings must be a JSON object'] });
    expect(parseGrid(Array.from({ length: MAX_GRID_POINTS + 1 }, () => ({}))).ok).toBe(false);
  });
});
