import { describe, expect, it } from 'vitest';
import type { Tier } from './catalogSchema.ts';
import { loadDefaultCatalog } from './defaultCatalog.ts';
import { marginalPrice, tieredPrice, tieredPriceFrom } from './tieredPrice.ts';

// Money: full-precision floats, compared to 1e-9 USD (toBeCloseTo(x, 9)) or in whole cents.
const cents = (usd: number | null) => (usd === null ? null : Math.round(usd * 100));

const catalog = loadDefaultCatalog();
const tiersOf = (id: string): Tier[] => {
  const entry = catalog.find((e) => e.id === id);
  if (!entry) throw new Error(`no ${id}`);
  return entry.tiers;
};
const rekognition = tiersOf('aws-rekognition-image-group2');

describe('tieredPrice (graduated bands)', () => {
  it('article: 6,000,000 images through the Rekognition tiers = $1,000 + $3,200 + $600 = $4,800', () => {
    expect(tieredPrice(rekognition, 1_000_000)).toBeCloseTo(1000, 9);
    expect(tieredPrice(rekognition, 5_000_000)).toBeCloseTo(1000 + 3200, 9);
    expect(tieredPrice(rekognition, 6_000_000)).toBeCloseTo(1000 + 3200 + 600, 9);
    expect(cents(tieredPrice(rekognition, 6_000_000))).toBe(480_000);
  });

  it('article is wrong: "$0.0004 above 35M" is the Group 1 (face search) top tier; Group 2 (DetectLabels) is $0.00025', () => {
    expect(marginalPrice(rekognition, 40_000_000)).toBe(0.00025);
    expect(marginalPrice(tiersOf('aws-rekognition-image-group1'), 40_000_000)).toBe(0.0004);
    // And its "down to $0.1875 per 1,000" is the (inferred) IMAGE_PROPERTIES top tier.
    expect((marginalPrice(tiersOf('aws-rekognition-image-properties'), 40_000_000) ?? 0) * 1000).toBeCloseTo(
      0.1875,
      12,
    );
  });

  it('bills every unit of a band at that band price, continuing across band edges', () => {
    // 36M = 1M x 0.001 + 4M x 0.0008 + 30M x 0.0006 + 1M x 0.00025
    expect(tieredPrice(rekognition, 36_000_000)).toBeCloseTo(1000 + 3200 + 18_000 + 250, 9);
    // Fractional units are prorated.
    expect(tieredPrice(rekognition, 0.5)).toBeCloseTo(0.0005, 12);
  });

  it('an entry with no tiers has no public price: null, never 0', () => {
    expect(tieredPrice([], 1000)).toBeNull();
    expect(tieredPrice([], 0)).toBeNull();
    expect(marginalPrice([], 1000)).toBeNull();
    expect(tieredPriceFrom([], 10, 10)).toBeNull();
  });

  it('zero units cost $0 on a priced entry; a free first band is a real $0', () => {
    expect(tieredPrice(rekognition, 0)).toBe(0);
    const vision = tiersOf('gcp-vision-label-detection');
    expect(tieredPrice(vision, 1000)).toBe(0);
    expect(tieredPrice(vision, 2000)).toBeCloseTo(1.5, 9);
  });

  it('marginal price at a band edge is the next band (the next unit is already in it)', () => {
    expect(marginalPrice(rekognition, 0)).toBe(0.001);
    expect(marginalPrice(rekognition, 999_999)).toBe(0.001);
    expect(marginalPrice(rekognition, 1_000_000)).toBe(0.0008);
    expect(marginalPrice(rekognition, 35_000_000)).toBe(0.00025);
  });

  it('tieredPriceFrom prices a slice after units already billed this month', () => {
    expect(tieredPriceFrom(rekognition, 999_000, 2000)).toBeCloseTo(1000 * 0.001 + 1000 * 0.0008, 9);
    expect(tieredPriceFrom(rekognition, 0, 300)).toBeCloseTo(0.3, 12);
  });
});
