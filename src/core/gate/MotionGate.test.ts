import { describe, expect, it } from 'vitest';
import type { GateReason } from '../frameEvent';
import { DEFAULT_GATE_SETTINGS, type GateSettings } from './gateSettings';
import { MotionGate } from './MotionGate';

const S: GateSettings = {
  ...DEFAULT_GATE_SETTINGS,
  staticThreshold: 2,
  motionThreshold: 6,
  baselineStride: 5,
  refreshFrames: 30,
  maxSkipFrames: 30,
  sceneCutThreshold: 20,
  maxQuality: false,
};

/**
 * Drives a gate over a synthetic score sequence the way the engine does. `motion(f)` is the score vs the last
 * inferred frame; `busy(f)` marks frames where an inference is still in flight.
 */
function drive(
  gate: MotionGate,
  frames: number,
  motion: (f: number) => number,
  sceneChange: (f: number) => number = () => 0,
  busy: (f: number) => boolean = () => false,
): { ran: number[]; reasons: GateReason[] } {
  const ran: number[] = [];
  const reasons: GateReason[] = [];
  for (let f = 0; f < frames; f++) {
    const d = gate.decide({ frame: f, motion: motion(f), sceneChange: f === 0 ? null : sceneChange(f) });
    if (d.run && busy(f)) {
      reasons.push('busy');
      continue;
    }
    reasons.push(d.reason);
    if (d.run) {
      ran.push(f);
      gate.noteInference(f);
    }
  }
  return { ran, reasons };
}

describe('MotionGate', () => {
  it('runs the first frame, then about once a second on a static scene', () => {
    const { ran, reasons } = drive(new MotionGate(S), 91, () => 0.5);
    expect(ran).toEqual([0, 30, 60, 90]);
    expect(reasons[0]).toBe('first-frame');
    expect(reasons[1]).toBe('static-skip');
    expect(reasons[30]).toBe('refresh');
  });

  it('runs every baselineStride-th frame in the baseline band', () => {
    const { ran, reasons } = drive(new MotionGate(S), 21, () => 3);
    expect(ran).toEqual([0, 5, 10, 15, 20]);
    expect(reasons[1]).toBe('baseline-skip');
    expect(reasons[5]).toBe('baseline');
  });

  it('runs every frame in the motion tier', () => {
    const gate = new MotionGate(S);
    const { ran, reasons } = drive(gate, 10, () => 6);
    expect(ran).toHaveLength(10);
    expect(reasons.slice(1).every((r) => r === 'motion')).toBe(true);
    expect(gate.decide({ frame: 10, motion: 9, sceneChange: 0 }).tier).toBe('motion');
  });

  it('lets slow drift add up against the last inferred frame', () => {
    // The engine's score grows by 0.5 per frame since the last inference; it crosses 6 after 12 frames.
    let last = 0;
    const gate = new MotionGate({ ...S, staticThreshold: 6 });
    const ran: number[] = [];
    for (let f = 0; f < 40; f++) {
      const d = gate.decide({ frame: f, motion: 0.5 * (f - last), sceneChange: 0.5 });
      if (d.run) {
        ran.push(f);
        last = f;
        gate.noteInference(f);
      }
    }
    expect(ran).toEqual([0, 12, 24, 36]);
  });

  it('caps consecutive skipped frames at maxSkipFrames', () => {
    const { ran, reasons } = drive(
      new MotionGate({ ...S, refreshFrames: 0, maxSkipFrames: 10 }),
      25,
      () => 0,
    );
    expect(ran).toEqual([0, 11, 22]);
    expect(reasons[11]).toBe('max-skip');
    expect(reasons.slice(1, 11).every((r) => r === 'static-skip')).toBe(true);
  });

  it('runs every frame with a cap of 0 skipped frames', () => {
    const { ran } = drive(new MotionGate({ ...S, refreshFrames: 0, maxSkipFrames: 0 }), 4, () => 0);
    expect(ran).toEqual([0, 1, 2, 3]);
  });

  it('infers on the very frame of a scene cut, even on a static score', () => {
    const { ran, reasons } = drive(
      new MotionGate(S),
      20,
      () => 0,
      (f) => (f === 7 ? 50 : 0),
    );
    expect(ran).toEqual([0, 7]);
    expect(reasons[7]).toBe('scene-cut');
  });

  it('keeps asking for a scene-cut inference while the engine is busy', () => {
    const { ran, reasons } = drive(
      new MotionGate(S),
      12,
      () => 0,
      (f) => (f === 7 ? 50 : 0),
      (f) => f === 7 || f === 8,
    );
    expect(reasons.slice(7, 11)).toEqual(['busy', 'busy', 'scene-cut', 'static-skip']);
    expect(ran).toEqual([0, 9]);
  });

  it('asks again after a busy frame, counting busy frames as skipped', () => {
    const { ran, reasons } = drive(
      new MotionGate(S),
      8,
      () => 10,
      () => 0,
      (f) => f >= 1 && f <= 3,
    );
    expect(reasons).toEqual(['first-frame', 'busy', 'busy', 'busy', 'motion', 'motion', 'motion', 'motion']);
    expect(ran).toEqual([0, 4, 5, 6, 7]);
    // The cap also sees busy frames: a busy engine past the cap keeps getting 'max-skip'.
    const capped = drive(
      new MotionGate({ ...S, maxSkipFrames: 3 }),
      7,
      () => 0,
      () => 0,
      (f) => f === 4,
    );
    expect(capped.reasons).toEqual([
      'first-frame',
      'static-skip',
      'static-skip',
      'static-skip',
      'busy',
      'max-skip',
      'static-skip',
    ]);
  });

  it('runs every frame with the max-quality override, and can be switched live', () => {
    const gate = new MotionGate({ ...S, maxQuality: true });
    const { ran, reasons } = drive(gate, 5, () => 0);
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(reasons)).toEqual(new Set(['max-quality']));
    gate.updateSettings({ maxQuality: false });
    expect(gate.decide({ frame: 5, motion: 0, sceneChange: 0 }).reason).toBe('static-skip');
    expect(gate.currentSettings.maxQuality).toBe(false);
  });

  it('treats an unmeasured motion score as motion', () => {
    const gate = new MotionGate(S);
    gate.decide({ frame: 0, motion: null, sceneChange: null });
    gate.noteInference(0);
    expect(gate.decide({ frame: 1, motion: null, sceneChange: null }).reason).toBe('motion');
  });

  it('starts over on reset', () => {
    const gate = new MotionGate(S);
    drive(gate, 3, () => 0);
    gate.reset();
    expect(gate.decide({ frame: 3, motion: 0, sceneChange: 0 }).reason).toBe('first-frame');
  });

  it('returns the same decision object every time (no per-frame allocation)', () => {
    const gate = new MotionGate(S);
    const a = gate.decide({ frame: 0, motion: null, sceneChange: null });
    const b = gate.decide({ frame: 1, motion: 0, sceneChange: 0 });
    expect(a).toBe(b);
  });
});
