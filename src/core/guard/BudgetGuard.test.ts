import { describe, expect, it } from 'vitest';
import type { FrameEvent } from '../frameEvent';
import { BudgetGuard } from './BudgetGuard.ts';

const ID = 'aws-rekognition-image-group2';
const config = { catalogId: ID, limitUSD: 0.5 };

function ranEvent(frame: number, ran = true): FrameEvent {
  return {
    ts: frame * 33,
    mediaTime: frame / 30,
    sessionId: 's',
    frame,
    ran,
    reason: ran ? 'motion' : 'static-skip',
    source: 'replay',
    model: 'm',
    runtime: 'tfjs',
    backend: 'wasm',
    inferenceId: ran ? frame : null,
    motion: 1,
    mode: 'full',
  };
}

describe('BudgetGuard', () => {
  it('goes ok -> soft -> hard with reasons, modes and frames', () => {
    const guard = new BudgetGuard(config);
    expect(guard.update(0.1, 10)).toBeNull();
    expect(guard.state).toBe('ok');
    const soft = guard.update(0.4, 20);
    expect(soft).toMatchObject({ from: 'ok', to: 'soft', mode: 'reduced', level: 'warning', frame: 20 });
    expect(soft?.reason).toBe(`segmentation_mode: reduced (80% of $0.50 budget for ${ID} spent)`);
    expect(guard.update(0.45, 21)).toBeNull();
    const hard = guard.update(0.5, 30);
    expect(hard).toMatchObject({ from: 'soft', to: 'hard', mode: 'paused', level: 'error', frame: 30 });
    expect(hard?.reason).toBe(
      `segmentation_mode: paused (Segmentation paused: budget reached, 100% of $0.50 budget for ${ID} spent)`,
    );
    expect(guard.allowsInference()).toBe(false);
    expect(guard.update(0.6, 31)).toBeNull();
  });

  it('treats float noise at the limit as reached', () => {
    const guard = new BudgetGuard(config);
    expect(guard.update(0.49999999999999, 1)?.to).toBe('hard');
  });

  it('can jump straight from ok to hard', () => {
    const guard = new BudgetGuard(config);
    expect(guard.update(2, 5)).toMatchObject({ from: 'ok', to: 'hard', mode: 'paused' });
  });

  it('keeps max quality in the soft state but not past the hard limit', () => {
    const guard = new BudgetGuard(config);
    const soft = guard.update(0.42, 3, 'max-quality');
    expect(soft?.mode).toBe('max-quality');
    expect(soft?.reason).toContain('max quality kept until the hard limit');
    expect(guard.allows(true, 0)).toBe(true);
    expect(guard.allows(false, 0.1)).toBe(false);
    expect(guard.allows(false, 0.5)).toBe(true);
    expect(guard.allows(false, null)).toBe(true);
    guard.update(0.5, 4, 'max-quality');
    expect(guard.mode('max-quality')).toBe('paused');
    expect(guard.allows(true, 10)).toBe(false);
  });

  it('moves back down when the budget is raised, and up when lowered', () => {
    const guard = new BudgetGuard(config);
    guard.update(0.5, 30);
    const toSoft = guard.raise(0.6);
    expect(toSoft).toMatchObject({ from: 'hard', to: 'soft', mode: 'reduced', level: 'info', frame: 30 });
    expect(toSoft?.reason).toBe(
      `segmentation_mode: reduced (budget raised to $0.60 budget for ${ID}, 83% spent)`,
    );
    expect(guard.raise(2)).toMatchObject({ to: 'ok', mode: 'full' });
    expect(guard.raise(0.5)).toMatchObject({ to: 'hard', mode: 'paused', level: 'error' });
    expect(guard.raise(0.5)).toBeNull();
    expect(() => guard.raise(0)).toThrow(RangeError);
  });

  it('re-evaluates on reconfiguration with the new spend', () => {
    const guard = new BudgetGuard(config);
    guard.update(0.45, 9);
    const change = guard.reconfigure({ catalogId: 'other', limitUSD: 1, softAt: 0.5 }, 0.1);
    expect(change).toMatchObject({ from: 'soft', to: 'ok', mode: 'full' });
    expect(guard.config).toEqual({ catalogId: 'other', limitUSD: 1, softAt: 0.5, period: 'session' });
  });

  it('summarises for the bench, counting inferences started after the hard limit', () => {
    const guard = new BudgetGuard(config);
    guard.update(0.4, 10);
    guard.update(0.5, 20);
    const events = [ranEvent(5), ranEvent(20), ranEvent(21, false), ranEvent(22)];
    expect(guard.summary(events)).toEqual({
      softAtFrame: 10,
      hardAtFrame: 20,
      costAtHardUSD: 0.5,
      inferencesAfterHard: 1,
    });
    // Raised once frame 25 was seen: frames after it may infer again.
    guard.update(0.5, 25);
    guard.raise(1);
    expect(guard.summary([ranEvent(22), ranEvent(26)]).inferencesAfterHard).toBe(1);
    expect(new BudgetGuard(config).summary([])).toEqual({
      softAtFrame: null,
      hardAtFrame: null,
      costAtHardUSD: null,
      inferencesAfterHard: 0,
    });
  });

  it('rejects a bad config', () => {
    expect(() => new BudgetGuard({ catalogId: ID, limitUSD: -1 })).toThrow(RangeError);
    expect(() => new BudgetGuard({ catalogId: ID, limitUSD: 1, softAt: 0 })).toThrow(RangeError);
  });

  it('exposes a view for the panel', () => {
    const guard = new BudgetGuard(config);
    guard.update(0.25, 1);
    expect(guard.view()).toMatchObject({ state: 'ok', spentUSD: 0.25, fraction: 0.5, lastChange: null });
  });
});
