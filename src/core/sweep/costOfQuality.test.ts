import { describe, expect, it } from 'vitest';
import { DEFAULT_GATE_SETTINGS } from '../gate/gateSettings';
import { targetFromMean } from '../gate/QualityController';
import { loadDefaultCatalog } from '../pricing/defaultCatalog';
import { costOfQuality } from './costOfQuality';
import type { SweepPoint } from './sweepTypes';

const point = (target: number, ratio: number, warp = true): SweepPoint => ({
  gate: { ...DEFAULT_GATE_SETTINGS, warp },
  policy: 'target',
  target: targetFromMean(target),
  skipRatio: 1 - ratio,
  iouMean: target + 0.01,
  iouP05: target - 0.05,
});

describe('costOfQuality', () => {
  const catalog = loadDefaultCatalog();

  it('prices each target as the default scenario month and says what the top target costs over 0.95', () => {
    const c = costOfQuality([point(0.97, 0.3), point(0.9, 0.05), point(0.95, 0.1)], catalog);
    expect(c.entry).toBe('aws-rekognition-image-group2');
    expect(c.rows.map((r) => r.target)).toEqual([0.9, 0.95, 0.97]);
    // 100 users x 10 s x 30 fps x 30 days = 900,000 frames at $0.001 an image.
    expect(c.rows[1].monthlyUSD).toBeCloseTo(90, 9);
    expect(c.rows[2].monthlyUSD).toBeCloseTo(270, 9);
    expect(c.rows[0].inferencesPerFrame).toBeCloseTo(0.05, 12);
    expect(c.sentences).toHaveLength(1);
    expect(c.sentences[0]).toMatch(
      /^Mean IoU 0\.97 costs \$180(\.00)? more a month than 0\.95 \(per-image entry/,
    );
  });

  it('compares within each warp setting, against the lowest target when 0.95 was not swept', () => {
    const c = costOfQuality(
      [point(0.9, 0.05, false), point(0.97, 0.2, false), point(0.9, 0.04), point(0.97, 0.1)],
      catalog,
    );
    expect(c.rows.map((r) => [r.warp, r.target])).toEqual([
      [true, 0.9],
      [true, 0.97],
      [false, 0.9],
      [false, 0.97],
    ]);
    expect(c.sentences).toHaveLength(2);
    expect(c.sentences[0]).toMatch(/costs \$54(\.00)? more a month than 0\.9 .*warp on/);
    expect(c.sentences[1]).toMatch(/costs \$135(\.00)? more a month than 0\.9 .*warp off/);
  });

  it('ignores points that held no target, and says so when the entry has no price', () => {
    const manual: SweepPoint = { gate: DEFAULT_GATE_SETTINGS, skipRatio: 0.9, iouMean: 0.96, iouP05: 0.9 };
    expect(costOfQuality([manual], catalog).rows).toEqual([]);
    const unpriced = catalog.map((e) => (e.id === 'aws-rekognition-image-group2' ? { ...e, tiers: [] } : e));
    const c = costOfQuality([point(0.95, 0.1), point(0.97, 0.2)], unpriced as typeof catalog);
    expect(c.rows[0].monthlyUSD).toBeNull();
    expect(c.sentences[0]).toMatch(/no public price/);
  });
});
