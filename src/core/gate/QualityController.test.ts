import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONTROLLER_CONSTANTS,
  QualityController,
  type StalenessObservation,
} from './QualityController';

function obs(staleness: number, reused: number[], motion: number, extra: Partial<StalenessObservation> = {}) {
  return {
    staleness,
    motion,
    reused,
    reusedCount: reused.length,
    thresholdReached: true,
    tightenFloor: 0,
    ...extra,
  };
}

describe('QualityController', () => {
  it('bounds every step by maxStep and the scale by its limits, whatever it observes', () => {
    const c = new QualityController();
    const { maxStep, minScale, maxScale } = DEFAULT_CONTROLLER_CONSTANTS;
    let seed = 3;
    let prev = c.scale;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const staleness = (seed % 1000) / 999;
      const n = seed % 40;
      const next = c.noteStaleness(
        obs(
          staleness,
          Array.from({ length: n }, (_, j) => j),
          n + 1,
        ),
      );
      expect(next / prev).toBeLessThanOrEqual(maxStep + 1e-9);
      expect(next / prev).toBeGreaterThanOrEqual(1 / maxStep - 1e-9);
      expect(next).toBeGreaterThanOrEqual(minScale);
      expect(next).toBeLessThanOrEqual(maxScale);
      prev = next;
    }
    // All-stale observations drive it to the floor, all-fresh ones to the ceiling, in bounded steps.
    for (let i = 0; i < 100; i++) c.noteStaleness(obs(0, new Array(29).fill(5), 5));
    expect(c.scale).toBe(minScale);
    for (let i = 0; i < 100; i++) c.noteStaleness(obs(1, new Array(29).fill(5), 5));
    expect(c.scale).toBe(maxScale);
  });

  it('tightens on a stale cache, loosens on slack, and never loosens on a segment the threshold did not end', () => {
    const c = new QualityController();
    c.noteStaleness(obs(0.6, [1, 2, 3, 4, 5, 6, 7, 8, 9], 10));
    expect(c.scale).toBeLessThan(1);
    const tight = c.scale;
    c.noteStaleness(obs(0.995, [1, 2, 3, 4, 5, 6, 7, 8, 9], 10));
    expect(c.scale).toBeGreaterThan(tight);
    const before = c.scale;
    c.noteStaleness(obs(0.999, new Array(29).fill(0.2), 0.3, { thresholdReached: false }));
    expect(c.scale).toBe(before);
  });

  it('stops tightening where the gate would already have run on the most-moved reused frame', () => {
    const c = new QualityController();
    // Frames that barely moved, then a big change: the stale cache was hardly on screen while stale.
    c.noteStaleness(obs(0.5, [0.3, 0.3], 9, { tightenFloor: 0.95 }));
    expect(c.scale).toBeCloseTo(0.95, 9);
    // Judged by motion only, those frames cost little; but reusing one frame longer would have shown the
    // stale mask, so it holds instead of loosening.
    const motionOnly = new QualityController(undefined, { ...DEFAULT_CONTROLLER_CONSTANTS, timeShare: 0 });
    motionOnly.noteStaleness(obs(0.5, [0.3, 0.3], 9));
    expect(motionOnly.scale).toBe(1);
    // The same with nothing reused (the gate ran on consecutive frames that differ a lot, or flicker).
    motionOnly.noteStaleness(obs(0, [], 9));
    expect(motionOnly.scale).toBe(1);
    motionOnly.noteStaleness(obs(0.999, [], 9));
    expect(motionOnly.scale).toBeGreaterThan(1);
  });

  it('counts repeated frames (a 10 or 24 fps source at 30 fps) as fresh: staleness after them does not tighten', () => {
    const constants = { ...DEFAULT_CONTROLLER_CONSTANTS, repeatMotion: 0.1 };
    const { repeatMotion } = constants;
    const repeats = new QualityController(undefined, constants);
    // The reused frames repeat the inferred one; the next source frame is far off (the inference measures it).
    repeats.noteStaleness(obs(0.5, [repeatMotion / 2, repeatMotion / 2], 9));
    expect(repeats.scale).toBe(1);
    // The same staleness after frames that did move tightens.
    const moved = new QualityController(undefined, constants);
    moved.noteStaleness(obs(0.5, [4, 6], 9));
    expect(moved.scale).toBeLessThan(1);
  });

  it('reports its state and estimates', () => {
    const c = new QualityController({ iouMean: 0.97, iouP05: 0.9 });
    expect(c.state).toMatchObject({ scale: 1, observations: 0, lastStaleness: null, estimatedIouMean: null });
    c.noteStaleness(obs(0.8, [10, 10, 10], 10, { thresholdReached: false }));
    const s = c.state;
    expect(s.target).toEqual({ iouMean: 0.97, iouP05: 0.9 });
    expect(s.observations).toBe(1);
    expect(s.lastStaleness).toBeCloseTo(0.8, 9);
    // 3 reused frames at full motion share: all at about 0.8 (below p05 0.9); 4 frames in the segment.
    expect(s.estimatedIouMean).toBeLessThan(0.9);
    expect(s.estimatedLowShare).toBeGreaterThan(0.25);
    c.reset();
    expect(c.state.observations).toBe(0);
  });
});
