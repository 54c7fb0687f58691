import { describe, expect, it } from 'vitest';
import {
  aggregateSessions,
  parseSessionReport,
  type SessionReport,
  SessionTable,
} from './sessionAggregate.ts';

const report = (sessionId: string, n: number, updatedAt = 1000): SessionReport => ({
  sessionId,
  frames: 30 * n,
  inferences: 3 * n,
  costUSD: { a: 0.001 * 3 * n, b: 0.1 * n },
  inferencesPerMinute: 60 * n,
  updatedAt,
});

describe('aggregateSessions', () => {
  it('totals equal the sum of the parts, field by field', () => {
    const parts = [report('z', 3), report('a', 1), report('m', 7)];
    const { sessions, totals } = aggregateSessions(parts);
    expect(sessions.map((s) => s.sessionId)).toEqual(['a', 'm', 'z']);
    expect(totals.sessions).toBe(3);
    expect(totals.frames).toBe(330);
    expect(totals.inferences).toBe(33);
    expect(totals.inferencesPerMinute).toBe(660);
    for (const id of ['a', 'b']) {
      const sum = sessions.reduce((s, r) => s + (r.costUSD[id] ?? 0), 0);
      expect(totals.costUSD[id]).toBe(sum);
    }
  });

  it('keeps ids only some sessions report', () => {
    const { totals } = aggregateSessions([report('a', 1), { ...report('b', 1), costUSD: { c: 2 } }]);
    expect(totals.costUSD).toEqual({ a: 0.003, b: 0.1, c: 2 });
    expect(aggregateSessions([]).totals).toEqual({
      sessions: 0,
      frames: 0,
      inferences: 0,
      costUSD: {},
      inferencesPerMinute: 0,
    });
  });

  it('scales linearly: n identical sessions cost n times one', () => {
    const one = aggregateSessions([report('x', 2)]).totals;
    const many = aggregateSessions(Array.from({ length: 8 }, (_, i) => report(`s${i}`, 2))).totals;
    expect(many.inferences).toBe(8 * one.inferences);
    expect(many.costUSD.b).toBeCloseTo(8 * (one.costUSD.b ?? 0), 12);
  });
});

describe('SessionTable', () => {
  it('keeps the latest report per session and drops sessions silent for more than 5 s', () => {
    const table = new SessionTable();
    table.upsert(report('a', 1, 1000), 0);
    table.upsert(report('a', 2, 2000), 1000);
    table.upsert(report('a', 9, 1500), 1100); // arrived late: older than the one held
    table.upsert(report('b', 1, 1000), 1000);
    expect(table.view(2000).totals.inferences).toBe(9);
    expect(table.view(6000).sessions.map((s) => s.sessionId)).toEqual(['a', 'b']);
    expect(table.view(6001).sessions).toEqual([]);
    table.upsert(report('c', 1), 7000);
    table.remove('c');
    expect(table.view(7000).sessions).toEqual([]);
  });
});

describe('parseSessionReport', () => {
  it('accepts a report and rejects other shapes', () => {
    expect(parseSessionReport(report('a', 1))).toEqual(report('a', 1));
    expect(parseSessionReport({ ...report('a', 1), frames: 'x' })).toBeNull();
    expect(parseSessionReport({ ...report('a', 1), costUSD: { a: Number.NaN } })).toBeNull();
    expect(parseSessionReport({ type: 'bye' })).toBeNull();
    expect(parseSessionReport(null)).toBeNull();
  });

  it('rejects reports with negative or fractional counts, negative costs, or prototype keys', () => {
    const good = report('a', 1);
    const bad: unknown[] = [
      { ...good, frames: -5 },
      { ...good, inferences: 1.5 },
      { ...good, inferencesPerMinute: -1 },
      { ...good, costUSD: { x: -0.01 } },
      { ...good, costUSD: JSON.parse('{"__proto__": 1}') },
      { ...good, costUSD: { constructor: 1 } },
      { ...good, sessionId: 'x'.repeat(201) },
    ];
    for (const v of bad) expect(parseSessionReport(v)).toBeNull();
    expect(parseSessionReport(good)).not.toBeNull();
  });

  it('sums an id named like an Object.prototype member as a plain number', () => {
    const view = aggregateSessions([
      { ...report('a', 1), costUSD: Object.assign(Object.create(null), { toString: 0.5, valueOf: 0.25 }) },
      { ...report('b', 1), costUSD: Object.assign(Object.create(null), { toString: 0.5 }) },
    ]);
    expect(view.totals.costUSD.toString).toBe(1);
    expect(view.totals.costUSD.valueOf).toBe(0.25);
    expect(view.totals.costUSD.hasOwnProperty).toBeUndefined();
  });
});
