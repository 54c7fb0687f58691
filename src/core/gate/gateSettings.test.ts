import { describe, expect, it } from 'vitest';
import { DEFAULT_GATE_SETTINGS, parseGateSettings, patchGateSettings } from './gateSettings';

describe('parseGateSettings', () => {
  it('round-trips the defaults through JSON', () => {
    expect(parseGateSettings(JSON.stringify(DEFAULT_GATE_SETTINGS))).toEqual({
      ok: true,
      settings: DEFAULT_GATE_SETTINGS,
    });
  });

  it('fills missing fields from the defaults', () => {
    const r = parseGateSettings({ maxSkipFrames: 10, maxQuality: true });
    expect(r).toEqual({
      ok: true,
      settings: { ...DEFAULT_GATE_SETTINGS, maxSkipFrames: 10, maxQuality: true },
    });
  });

  it('lists every bad field', () => {
    const r = parseGateSettings({
      staticThreshold: -1,
      motionThreshold: 'high',
      baselineStride: 2.5,
      refreshFrames: Number.NaN,
      maxQuality: 'yes',
      warp: 1,
      colour: 'blue',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(7);
    for (const field of [
      'staticThreshold',
      'motionThreshold',
      'baselineStride',
      'refreshFrames',
      'maxQuality',
      'warp',
      'colour',
    ]) {
      expect(r.errors.some((e) => e.startsWith(`${field}:`))).toBe(true);
    }
  });

  it('warps by default; a file may turn it off, and the choice round-trips', () => {
    expect(DEFAULT_GATE_SETTINGS.warp).toBe(true);
    const r = parseGateSettings({ warp: false });
    expect(r).toEqual({ ok: true, settings: { ...DEFAULT_GATE_SETTINGS, warp: false } });
    if (r.ok) expect(parseGateSettings(JSON.stringify(r.settings))).toEqual(r);
    expect(patchGateSettings(DEFAULT_GATE_SETTINGS, { warp: false }).warp).toBe(false);
  });

  it('rejects a motion threshold below the static one, non-objects and bad JSON', () => {
    expect(parseGateSettings({ staticThreshold: 5, motionThreshold: 4 })).toEqual({
      ok: false,
      errors: ['motionThreshold: must be >= staticThreshold'],
    });
    expect(parseGateSettings([1, 2]).ok).toBe(false);
    expect(parseGateSettings(null).ok).toBe(false);
    const bad = parseGateSettings('{nope');
    expect(bad.ok === false && bad.errors[0].startsWith('not valid JSON')).toBe(true);
  });
});

describe('patchGateSettings', () => {
  it('never lets Motion go below Static, so the settings always export and import again', () => {
    const base = { ...DEFAULT_GATE_SETTINGS, staticThreshold: 3, motionThreshold: 6 };
    const lowered = patchGateSettings(base, { motionThreshold: 1 });
    expect(lowered).toMatchObject({ staticThreshold: 3, motionThreshold: 3 });
    const raised = patchGateSettings(base, { staticThreshold: 9 });
    expect(raised).toMatchObject({ staticThreshold: 9, motionThreshold: 9 });
    for (const s of [lowered, raised])
      expect(parseGateSettings(JSON.stringify(s))).toEqual({ ok: true, settings: s });
  });

  it('keeps every number within its range and integers whole; ignores non-numbers', () => {
    const next = patchGateSettings(DEFAULT_GATE_SETTINGS, {
      staticThreshold: -4,
      edgeRadius: 99.6,
      maxSkipFrames: Number.NaN,
      refreshFrames: 12.4,
    });
    expect(next).toMatchObject({
      staticThreshold: 0,
      edgeRadius: 8,
      maxSkipFrames: DEFAULT_GATE_SETTINGS.maxSkipFrames,
      refreshFrames: 12,
    });
  });
});
