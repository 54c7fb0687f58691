import { describe, expect, it } from 'vitest';
import {
  nextRollover,
  othersUsage,
  parseUsageRecord,
  periodKey,
  RESERVATION_TTL_MS,
  usageStorageKey,
} from './periodUsage.ts';

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

  it('rolls over at local midnight and at the first of the next month (also across a year end)', () => {
    expect(nextRollover('day', at)).toEqual(new Date(2026, 10, 29));
    expect(nextRollover('month', at)).toEqual(new Date(2026, 11, 1));
    expect(nextRollover('month', new Date(2026, 11, 31, 12))).toEqual(new Date(2027, 0, 1));
    expect(nextRollover('session', at)).toBeNull();
    expect(periodKey('day', new Date(nextRollover('day', at)?.getTime() ?? 0))).toBe('2026-11-29');
  });

  it("lists every other session's usage separately, never its own; a live reservation counts one more", () => {
    const stored = JSON.stringify({
      a: { inferences: 12, activeFrames: 330, reserved: true, at: 1000 },
      b: { inferences: 5, activeFrames: 90, reserved: true, at: 1000 },
      c: { inferences: 1, activeFrames: 3, reserved: false, at: 1000 },
    });
    const record = parseUsageRecord(stored);
    expect(othersUsage(record, 'a')).toEqual([
      { inferences: 5, activeFrames: 90 },
      { inferences: 1, activeFrames: 3 },
    ]);
    expect(othersUsage(record, 'a', 2000).map((u) => u.inferences)).toEqual([6, 1]);
    // A tab that died holding a permit stops counting after the reservation's time-out.
    expect(othersUsage(record, 'a', 1000 + RESERVATION_TTL_MS + 1).map((u) => u.inferences)).toEqual([5, 1]);
  });

  it('treats a corrupt record as no usage, and prototype keys as plain ids', () => {
    expect(parseUsageRecord('not json').size).toBe(0);
    expect(parseUsageRecord('[1,2]').size).toBe(0);
    const record = parseUsageRecord(
      '{"x":{"inferences":-3,"activeFrames":1e400},"y":"z","__proto__":{"inferences":2},"constructor":{"inferences":1}}',
    );
    expect(record.get('x')).toEqual({ inferences: 0, activeFrames: 0, reserved: false, at: 0 });
    expect(record.has('y')).toBe(false);
    expect(
      othersUsage(record, 'x')
        .map((u) => u.inferences)
        .sort(),
    ).toEqual([1, 2]);
    expect(({} as Record<string, unknown>).inferences).toBeUndefined();
  });
});
