import { describe, expect, it } from 'vitest';
import { loadDefaultCatalog } from '../pricing/defaultCatalog';
import { parseScenario } from '../pricing/scenarioSchema';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { buildReport } from './buildReport';
import { measuredFromBench, measuredFromSweep } from './measuredFigures';
import { REPORT_CSV_COLUMNS, reportCsv } from './reportCsv';
import { REPORT_DEFAULT_SCENARIO } from './reportDefaults';
import { readReportQuery, reportQuery } from './reportQuery';

const catalog = loadDefaultCatalog();
const scenario = (() => {
  const r = parseScenario({ ...REPORT_DEFAULT_SCENARIO, providers: ['aws-rekognition-image-group2'] });
  if (!r.ok) throw new Error(r.errors.join());
  return r.value;
})();
const bench = {
  video: '/clips/a.mp4',
  frames: 300,
  policy: 'adaptive',
  skipRatio: 0.8,
  quality: { iouMean: 0.96, iouP05: 0.9 },
  timingMs: { inferenceP50: 12 },
};

describe('buildReport', () => {
  it('prices every frame against the measured ratio, on-device at $0 plus device time', () => {
    const m = measuredFromBench(bench);
    if (!m.ok) throw new Error(m.errors.join());
    const r = buildReport(scenario, m.value, catalog);
    // The article: 100 x 10 s x 30 fps x 30 days = 900,000 frames at $0.001 = $900; 20% inferred = $180.
    expect(r.framesPerMonth).toBe(900_000);
    expect(r.providers[0].everyFrameMonthlyUSD).toBeCloseTo(900, 9);
    expect(r.providers[0].adaptiveMonthlyUSD).toBeCloseTo(180, 9);
    expect(r.providers[0].savingPct).toBeCloseTo(80, 9);
    expect(r.providers[0].onDeviceMonthlyUSD).toBe(0);
    expect(r.onDevice.deviceHoursPerMonth).toBeCloseTo((180_000 * 12) / 3_600_000, 9);
    expect(buildReport(scenario, null, catalog).providers[0].adaptiveMonthlyUSD).toBeCloseTo(900, 9);
  });

  it('writes CSV rows equal to the JSON rows, quoting where needed', () => {
    const rows = buildReport(scenario, null, catalog).providers;
    const csv = reportCsv([{ ...rows[0], product: 'a, "b"' }])
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe(REPORT_CSV_COLUMNS.join(','));
    expect(csv[1]).toContain('"a, ""b"""');
    expect(csv[1].startsWith('aws-rekognition-image-group2,')).toBe(true);
  });
});

describe('report links and inputs', () => {
  it('round-trips a scenario and figures through the URL', () => {
    expect(decodeBase64Url(encodeBase64Url('héllo ✓'))).toBe('héllo ✓');
    const m = measuredFromBench(bench);
    if (!m.ok) throw new Error('bench');
    const q = readReportQuery(`?${reportQuery(REPORT_DEFAULT_SCENARIO, m.value)}`, catalog);
    expect(q.scenario).toMatchObject({ ok: true, value: { users: 100 } });
    expect(q.measured).toEqual({ ok: true, value: m.value });
    expect(readReportQuery('?scenario=%%%', catalog).scenario).toMatchObject({ ok: false });
    expect(readReportQuery('', catalog)).toEqual({ scenario: null, measured: null });
  });

  it('takes a sweep by its recommended point, or its best quality point when none', () => {
    const points = [
      { skipRatio: 0.5, iouMean: 0.99, iouP05: 0.95 },
      { skipRatio: 0.9, iouMean: 0.96, iouP05: 0.9 },
    ];
    const s = measuredFromSweep({ video: 'v', frames: 60, points, pareto: [0, 1], recommended: points[1] });
    expect(s).toMatchObject({ ok: true, value: { skipRatio: 0.9, sweep: { recommended: 1 } } });
    const none = measuredFromSweep({ video: 'v', frames: 60, points, pareto: [0, 1], recommended: null });
    expect(none).toMatchObject({ ok: true, value: { skipRatio: 0.5, sweep: { recommended: null } } });
    expect(measuredFromSweep({ video: 'v' })).toMatchObject({ ok: false });
  });
});
