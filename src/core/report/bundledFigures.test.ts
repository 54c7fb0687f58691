import { describe, expect, it } from 'vitest';
import { loadDefaultCatalog } from '../pricing/defaultCatalog.ts';
import { parseScenario } from '../pricing/scenarioSchema.ts';
import { buildReport } from './buildReport.ts';
import { bundledFigures, SAMPLE_BENCH } from './bundledFigures.ts';
import { initialFigures, LIVE_MIN_FRAMES, liveMeasuredFigures } from './liveMeasuredFigures.ts';
import { REPORT_DEFAULT_SCENARIO } from './reportDefaults.ts';

describe('the figures a report opens on', () => {
  it('the bundled bench: the sample clip, its gate and the quality it cost, and a real saving', () => {
    const b = bundledFigures();
    expect(b.source).toBe('bundled');
    expect(b.label).toContain('public/sample/motion_asl_signer_640x480.mp4');
    expect(b.gate).toContain('staticThreshold');
    expect(b.frames).toBe(SAMPLE_BENCH.frames);
    expect(b.skipRatio).toBeCloseTo(1 - SAMPLE_BENCH.inferences / SAMPLE_BENCH.frames, 12);
    expect(b.skipRatio).toBeGreaterThan(0.5);
    expect(b.iouMean).toBeGreaterThan(0.9);
    expect(b.iouP05).not.toBeNull();
    const catalog = loadDefaultCatalog();
    const scenario = parseScenario(REPORT_DEFAULT_SCENARIO, catalog);
    if (!scenario.ok) throw new Error('default scenario');
    const report = buildReport(scenario.value, b, catalog);
    const image = report.providers.find((r) => r.id === 'aws-rekognition-image-group2');
    expect(image?.savingMonthlyUSD).toBeGreaterThan(0);
    expect(image?.savingPct).toBeCloseTo(b.skipRatio * 100, 9);
  });

  it('the live session once it has run long enough, the bundled bench before', () => {
    const bundled = bundledFigures();
    const totals = { inferences: 30, sourceLabel: 'Sample clip', policy: 'adaptive', modelMsP50: 20 };
    const short = liveMeasuredFigures({ ...totals, frames: LIVE_MIN_FRAMES - 1 });
    const long = liveMeasuredFigures({ ...totals, frames: LIVE_MIN_FRAMES });
    expect(initialFigures(short, bundled)).toBe(bundled);
    expect(initialFigures(null, bundled)).toBe(bundled);
    expect(initialFigures(long, bundled)).toBe(long);
    expect(long?.skipRatio).toBeCloseTo(1 - 30 / LIVE_MIN_FRAMES, 12);
    expect(long?.label).toBe('Sample clip (adaptive)');
    expect(liveMeasuredFigures({ ...totals, frames: 0 })).toBeNull();
  });
});
