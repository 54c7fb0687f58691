import { describe, expect, it } from 'vitest';
import type { GateReason } from '../frameEvent';
import { createGatePolicy } from './createGatePolicy';
import type { GatePolicy } from './GatePolicy';
import { DEFAULT_GATE_SETTINGS } from './gateSettings';
import { MotionGate } from './MotionGate';
import { TargetGate } from './TargetGate';

function reasons(p: GatePolicy, frames: number, busy: (f: number) => boolean = () => false): GateReason[] {
  const out: GateReason[] = [];
  for (let f = 0; f < frames; f++) {
    const d = p.decide({ frame: f, motion: null, sceneChange: null });
    if (d.run && busy(f)) {
      out.push('busy');
      continue;
    }
    out.push(d.reason);
    if (d.run) p.noteInference(f);
  }
  return out;
}

describe('createGatePolicy', () => {
  it('builds the adaptive gate', () => {
    const p = createGatePolicy('adaptive');
    expect(p).toBeInstanceOf(MotionGate);
    expect(p.needsMotion).toBe(true);
  });

  it('builds the quality-target gate on the given manual settings', () => {
    const p = createGatePolicy('target', { ...DEFAULT_GATE_SETTINGS, motionThreshold: 5 });
    expect(p).toBeInstanceOf(TargetGate);
    expect(p.name).toBe('target');
    expect(p.needsMotion).toBe(true);
    expect((p as TargetGate).baseSettings.motionThreshold).toBe(5);
  });

  it('runs every frame for every-frame', () => {
    const p = createGatePolicy('every-frame');
    expect(p.needsMotion).toBe(false);
    expect(reasons(p, 3)).toEqual(['first-frame', 'every-frame', 'every-frame']);
  });

  it('runs every Nth frame for stride:N, delayed by a busy frame', () => {
    const p = createGatePolicy('stride:3');
    expect(p.name).toBe('stride:3');
    expect(reasons(p, 7)).toEqual([
      'first-frame',
      'stride-skip',
      'stride-skip',
      'stride',
      'stride-skip',
      'stride-skip',
      'stride',
    ]);
    p.reset();
    expect(reasons(p, 6, (f) => f === 3)).toEqual([
      'first-frame',
      'stride-skip',
      'stride-skip',
      'busy',
      'stride',
      'stride-skip',
    ]);
  });

  it('rejects unknown specs', () => {
    for (const spec of ['stride:0', 'stride:x', 'stride', 'smart', '']) {
      expect(() => createGatePolicy(spec)).toThrow(RangeError);
    }
  });
});
