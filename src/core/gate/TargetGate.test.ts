import { describe, expect, it } from 'vitest';
import type { GatePolicy } from './GatePolicy';
import { DEFAULT_GATE_SETTINGS } from './gateSettings';
import { MotionGate } from './MotionGate';
import { DEFAULT_CONTROLLER_CONSTANTS } from './QualityController';
import { TargetGate } from './TargetGate';

/**
 * A synthetic world: the scene drifts at `speed` score units per frame away from the last inferred frame, and
 * the cached mask loses `loss` IoU per unit of score. Drives a gate the way the frame-stepped engine does and
 * returns the displayed IoU per frame and which frames ran. `cutAt` frames are scene cuts.
 */
function drive(gate: GatePolicy, frames: number, speed: number, loss: number, cutAt: number[] = []) {
  const ious: number[] = [];
  const ran: boolean[] = [];
  let last = -1;
  for (let f = 0; f < frames; f++) {
    const motion = last < 0 ? null : speed * (f - last);
    const cut = cutAt.includes(f);
    const d = gate.decide({ frame: f, motion, sceneChange: f === 0 ? null : cut ? 80 : 0.5 });
    const stale = last < 0 ? 0 : cut ? 0 : Math.max(0, 1 - loss * speed * (f - last));
    ran.push(d.run);
    if (d.run) {
      gate.noteInference(f);
      if (gate instanceof TargetGate && last >= 0) gate.noteStaleness(stale);
      last = f;
      ious.push(1);
    } else ious.push(stale);
  }
  return { ious, ran };
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const ratio = (v: boolean[]) => v.filter(Boolean).length / v.length;

describe('TargetGate', () => {
  it('tightens a gate that under-delivers until it meets the target', () => {
    // Manual defaults reuse 6 frames at a time here, losing 3% IoU per frame: mean about 0.91.
    const manual = drive(new MotionGate(), 1200, 0.5, 0.06);
    expect(mean(manual.ious.slice(600))).toBeLessThan(0.93);
    const gate = new TargetGate();
    const run = drive(gate, 1200, 0.5, 0.06);
    const q = mean(run.ious.slice(600));
    expect(q).toBeGreaterThanOrEqual(0.95);
    expect(q).toBeLessThan(0.99);
    expect(gate.state.scale).toBeLessThan(0.6);
    expect(gate.state.motionThreshold).toBeCloseTo(
      DEFAULT_GATE_SETTINGS.motionThreshold * gate.state.scale,
      9,
    );
  });

  it('loosens a gate that over-spends, down to the max-skip cap, keeping the target', () => {
    const manual = drive(new MotionGate(), 1200, 0.2, 0.01);
    const gate = new TargetGate();
    const run = drive(gate, 1200, 0.2, 0.01);
    expect(ratio(run.ran.slice(600))).toBeLessThan(ratio(manual.ran.slice(600)) * 0.7);
    expect(mean(run.ious.slice(600))).toBeGreaterThanOrEqual(0.95);
    // It stops loosening once the cap, not the threshold, ends the reuse (no wind-up).
    expect(gate.state.scale).toBeLessThan(3);
    let longest = 0;
    let skips = 0;
    for (const r of run.ran) {
      skips = r ? 0 : skips + 1;
      longest = Math.max(longest, skips);
    }
    expect(longest).toBeLessThanOrEqual(DEFAULT_GATE_SETTINGS.maxSkipFrames);
    expect(longest).toBeGreaterThanOrEqual(DEFAULT_GATE_SETTINGS.refreshFrames - 1);
  });

  it('still infers every scene cut on its frame, and ignores the staleness a cut finds', () => {
    const gate = new TargetGate();
    drive(gate, 600, 0.2, 0.01);
    const scale = gate.state.scale;
    const cuts = [605, 617, 650];
    const { ran } = drive(gate, 700, 0.2, 0.01, cuts);
    for (const c of cuts) expect(ran[c]).toBe(true);
    // The staleness across the cut (0) moved nothing: the scale only rose on slack, never fell.
    expect(gate.state.scale).toBeGreaterThanOrEqual(scale);
  });

  it('runs every frame in max quality, and keeps the manual settings apart from the scaled ones', () => {
    const gate = new TargetGate();
    drive(gate, 300, 0.5, 0.06);
    gate.updateSettings({ maxQuality: true });
    expect(gate.baseSettings.maxQuality).toBe(true);
    expect(gate.baseSettings.motionThreshold).toBe(DEFAULT_GATE_SETTINGS.motionThreshold);
    const { ran } = drive(gate, 100, 0.5, 0.06);
    expect(ran.every(Boolean)).toBe(true);
  });

  it('exposes its state and forgets what it learned on reset', () => {
    const gate = new TargetGate(DEFAULT_GATE_SETTINGS, { iouMean: 0.97, iouP05: 0.9 });
    drive(gate, 300, 0.5, 0.06);
    const s = gate.state;
    expect(s.target).toEqual({ iouMean: 0.97, iouP05: 0.9 });
    expect(s.observations).toBeGreaterThan(10);
    expect(s.stalenessMean).not.toBeNull();
    expect(s.maxSkipFrames).toBe(DEFAULT_GATE_SETTINGS.maxSkipFrames);
    expect(gate.controller.constants).toEqual(DEFAULT_CONTROLLER_CONSTANTS);
    gate.reset();
    expect(gate.state.scale).toBe(1);
    expect(gate.state.observations).toBe(0);
    expect(gate.currentSettings.motionThreshold).toBe(DEFAULT_GATE_SETTINGS.motionThreshold);
  });

  it('counts busy frames (asked to run, not started) as reused when it judges the segment', () => {
    // Two gates see the same segment: one reuses 9 frames by decision, the other through 9 busy frames. Both
    // must estimate the same quality from the same staleness; only the first may tighten (the second already
    // asked to run on those frames, so a lower threshold would not have helped).
    const byDecision = new TargetGate({ ...DEFAULT_GATE_SETTINGS, motionThreshold: 5, staticThreshold: 5 });
    const byBusy = new TargetGate({ ...DEFAULT_GATE_SETTINGS, motionThreshold: 0.5, staticThreshold: 0.5 });
    for (const g of [byDecision, byBusy]) {
      g.decide({ frame: 0, motion: null, sceneChange: null });
      g.noteInference(0);
      for (let f = 1; f <= 9; f++) g.decide({ frame: f, motion: 2, sceneChange: 0.1 });
      const d = g.decide({ frame: 10, motion: 6, sceneChange: 0.1 });
      expect(d.run).toBe(true);
      g.noteInference(10);
      g.noteStaleness(0.7);
    }
    expect(byBusy.state.estimatedIouMean).toBeLessThan(0.9);
    expect(byBusy.state.estimatedIouMean).toBeCloseTo(byDecision.state.estimatedIouMean ?? 1, 9);
    expect(byDecision.state.scale).toBeLessThan(1);
    expect(byBusy.state.scale).toBe(1);
  });
});
