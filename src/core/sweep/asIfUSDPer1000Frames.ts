import type { CatalogEntry } from '../pricing/catalogSchema.ts';
import { marginalPrice } from '../pricing/tieredPrice.ts';

/** The per-image entry sweep points are priced with: the live meter's default per-image API. */
export const SWEEP_PRICE_ENTRY = 'aws-rekognition-image-group2';

/**
 * What 1,000 source frames cost as if each inference went to a per-image API, at the entry's first-band price
 * (a sweep compares settings, not monthly volumes, so tiers are left to the projection). Null when the entry is
 * not billed per image or has no public price.
 */
export function asIfUSDPer1000Frames(skipRatio: number, entry: CatalogEntry | undefined): number | null {
  if (entry?.unit !== 'image') return null;
  const price = marginalPrice(entry.tiers, 0);
  return price === null ? null : (1 - skipRatio) * 1000 * price;
}
