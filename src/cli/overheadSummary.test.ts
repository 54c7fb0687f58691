import { describe, expect, it } from 'vitest';
import { median } from '../core/fold/liveStats.ts';
import { offSpread, roundOrder, summarize, type WindowMeasure } from './overheadSummary.ts';
import { parseOverheadArgs } from './telemetryOverheadArgs.ts';

const win = (condition: WindowMeasure['condition'], fps: number, extra: Partial<WindowMeasure> = {}) =>
  ({
    round: 0,
    condition,
    seconds: 10,
    sentSeconds: 10,
    frames: fps * 10,
    fps,
    work: null,
    requests: 0,
    bytes: 0,
    state: null,
    clipStart: 0.02,
    ...extra,
  }) satisfies WindowMeasure;

describe('summarize', () => {
  it('takes medians per condition, their ratio to off, and the 5% verdict from per-round pairs', () => {
    const work = { recordMs: 2, readMs: 3, reads: 10, exportMs: 7, exportCalls: 7 };
    const s = summarize([
      win('off', 20, { round: 0 }),
      win('off', 22, { round: 1 }),
      win('off', 30, { round: 2 }),
      win('ok', 20.4, { round: 0, work, requests: 10, bytes: 50_000 }),
      win('ok', 22, { round: 1, work, requests: 10, bytes: 50_000 }),
      win('503', 18, { round: 0, work, requests: 4, bytes: 20_000 }),
      win('503', 29, { round: 2, work, requests: 4, bytes: 20_000 }),
      win('hang', 23.2, { round: 1, work, requests: 1, bytes: 5_000 }),
    ]);
    expect(s.off.medianFps).toBe(22);
    expect(s.off.ratioToOff).toBeNull();
    expect(s.off.pairedRatio).toBeNull();
    expect(s.off.withinFivePercent).toBeNull();
    expect(s.ok.medianFps).toBeCloseTo(21.2, 9);
    expect(s.ok.ratioToOff).toBeCloseTo(21.2 / 22, 9);
    expect(s.ok.pairedRatio).toBeCloseTo((20.4 / 20 + 1) / 2, 9);
    expect(s.ok.withinFivePercent).toBe(true);
    // Against the median of all off windows 503 would look 7% faster; paired with its own rounds it is 7% slower.
    expect(s['503'].ratioToOff).toBeCloseTo(23.5 / 22, 9);
    expect(s['503'].pairedRatio).toBeCloseTo((18 / 20 + 29 / 30) / 2, 9);
    expect(s['503'].withinFivePercent).toBe(false);
    expect(s.hang.pairedRatio).toBeCloseTo(23.2 / 22, 9);
    expect(s.hang.withinFivePercent).toBe(false); // 5.5% faster is not "within 5%" either
    // One export: one collection's readings (0.3 ms) plus one export call (1 ms).
    expect(s.ok.mainThreadMsPerExport).toBeCloseTo(1.3, 9);
    expect(s.ok.mainThreadMsPerSecond).toBeCloseTo((2 * 12) / 20, 9);
    expect(s.ok.bytesPerRequest).toBe(5000);
    expect(s.ok.bytesPerMinute).toBe(300_000);
    expect(s.ok.collections).toBe(20);
    expect(s.off.mainThreadMsPerExport).toBeNull();
  });

  it('gives no ratio without off windows', () => {
    expect(summarize([win('ok', 20)]).ok.ratioToOff).toBeNull();
  });

  it('measures the spread of the off windows', () => {
    expect(offSpread([win('off', 18), win('off', 20), win('off', 22)])).toBeCloseTo(0.2, 9);
    expect(median([3, 1, 2, 4])).toBe(2.5);
  });

  it('rotates the order by round, so that over four rounds each condition holds each place once', () => {
    expect(roundOrder(0)).toEqual(['off', 'ok', '503', 'hang']);
    expect(roundOrder(1)).toEqual(['ok', '503', 'hang', 'off']);
    expect(roundOrder(4)).toEqual(roundOrder(0));
    const places = [0, 1, 2, 3].map((r) => roundOrder(r).indexOf('off'));
    expect([...places].sort()).toEqual([0, 1, 2, 3]);
  });
});

describe('parseOverheadArgs', () => {
  it('defaults to 4 rounds of 10 s windows at a 1 s interval on wasm', () => {
    expect(parseOverheadArgs([])).toEqual({
      rounds: 4,
      windowS: 10,
      settleS: 1,
      intervalS: 1,
      backend: 'wasm',
    });
  });

  it.each([
    [['--rounds', '0'], /--rounds must be a whole number/],
    [['--window', 'x'], /--window must be a number of seconds/],
    [['--interval', '0.5'], /--interval must be a whole number/],
    [['--backend', 'gpu'], /--backend must be one of/],
    [['--fast'], /Unknown option/],
  ])('refuses %j in one line', (argv, message) => {
    expect(() => parseOverheadArgs(argv)).toThrow(message);
  });
});
