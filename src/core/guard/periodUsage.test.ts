import { describe, expect, it } from 'vitest';
import { periodKey, priorUsage, usageStorageKey, withOwnUsage } from './periodUsage.ts';

describe('budget periods', () => {
  const at = new Date(2026, 10, 28, 23, 59); // 28 Nov 2026, local time

  it('buckets a day or a month budget by the local calendar, and a session budget not at all', () => {
    expect(periodKey('day', at)).toBe('2026-11-28');
    expect(periodKey('month', at)).toBe('2026-11');
    expect(periodKey('session', at)).toBeNull();
    expect(usageStorageKey('aws-rekognition-image-group2', '2026-11-28')).toBe(
      'segmeter.usage.2026-11-28.aws-rekognition-image-group2',
    );
  });

  it("sums every other session's usage of the period, never its own", () => {
    let stored = withOwnUsage(null, 'a', { inferences: 10, activeFrames: 300 });
    stored = withOwnUsage(stored, 'b', { inferences: 5, activeFrames: 90 });
    stored = withOwnUsage(stored, 'a', { inferences: 12, activeFrames: 330 }); // a session rewrites its own record
    expect(priorUsage(stored, 'c')).toEqual({ inferences: 17, activeFrames: 420 });
    expect(priorUsage(stored, 'a')).toEqual({ inferences: 5, activeFrames: 90 });
  });

  it('treats a corrupt record as no usage instead of failing', () => {
    expect(priorUsage('not json', 'a')).toEqual({ inferences: 0, activeFrames: 0 });
    expect(priorUsage(JSON.stringify({ x: { inferences: -3 }, y: 'z' }), 'a')).toEqual({
      inferences: 0,
      activeFrames: 0,
    });
    expect(JSON.parse(withOwnUsage('garbage', 'a', { inferences: 1, activeFrames: 2 }))).toEqual({
      a: { inferences: 1, activeFrames: 2 },
    });
  });
});
