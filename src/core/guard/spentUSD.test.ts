import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../pricing/catalogSchema.ts';
import { loadDefaultCatalog } from '../pricing/defaultCatalog.ts';
import { priceSession } from '../pricing/priceSession.ts';
import { spentUSD } from './spentUSD.ts';

const catalog = loadDefaultCatalog();
const byId = (id: string): CatalogEntry => {
  const entry = catalog.find((e) => e.id === id);
  if (!entry) throw new Error(`no ${id}`);
  return entry;
};

describe('spentUSD', () => {
  it('prices image units per inference', () => {
    const entry = byId('aws-rekognition-image-group2');
    const price = entry.tiers[0].pricePerUnitUSD;
    expect(spentUSD(entry, 500, 60)).toBeCloseTo(500 * price, 12);
  });

  it('matches the cost panel (priceSession) for every priced entry', () => {
    for (const entry of catalog) {
      const expected = priceSession([entry], {
        frames: 900,
        inferences: 321,
        durationSeconds: 30,
        sessions: 1,
        frameBytes: 50_000,
      })[0].ranUSD;
      expect(spentUSD(entry, 321, 30, 1, 50_000)).toBe(expected);
    }
  });

  it('bills minute units by duration whatever the inferences', () => {
    const entry = byId('aws-rekognition-video-stored');
    expect(spentUSD(entry, 0, 120)).toBe(spentUSD(entry, 3600, 120));
    expect(spentUSD(entry, 0, 120)).toBeGreaterThan(0);
  });

  it('is null without a public price', () => {
    const entry: CatalogEntry = { ...byId('aws-rekognition-image-group2'), tiers: [] };
    expect(spentUSD(entry, 10, 1)).toBeNull();
  });
});
