import type { CatalogEntry, PriceUnit } from '../../core/pricing/catalogSchema';
import { formatCount, formatUSD } from '../../core/pricing/formatUSD';

const UNIT_LABELS: Record<PriceUnit, [one: string, many: string]> = {
  image: ['image', 'images'],
  frames16: ['16 frames', 'chunks of 16 frames'],
  minute: ['minute', 'minutes'],
  second: ['GPU second', 'GPU seconds'],
  hour: ['instance hour', 'busy hours'],
  GB: ['GB', 'GB'],
};

/** "image", or "images" for a quantity. */
export function unitLabel(unit: PriceUnit, plural = false): string {
  return UNIT_LABELS[unit][plural ? 1 : 0];
}

/** The whole price list of an entry in one line: "$0.001 / image up to 1,000,000, then $0.0008 …". */
export function tierSummary(entry: Pick<CatalogEntry, 'tiers' | 'unit'>): string {
  if (entry.tiers.length === 0) return 'no public price';
  const per = unitLabel(entry.unit);
  return entry.tiers
    .map((t, k) => {
      const price = `${formatUSD(t.pricePerUnitUSD)} / ${per}`;
      if (entry.tiers.length === 1) return price;
      return t.upToUnitsPerMonth === null
        ? `then ${price}`
        : `${price} to ${formatCount(t.upToUnitsPerMonth)}${k === 0 ? '/mo' : ''}`;
    })
    .join(', ');
}
