import type { Tier } from './catalogSchema.ts';

/** The last band is open-ended even if a hand-made tier list bounds it (the schema rejects that anyway). */
function upperBound(tiers: readonly Tier[], k: number): number {
  const bound = tiers[k]?.upToUnitsPerMonth ?? null;
  return bound === null || k === tiers.length - 1 ? Number.POSITIVE_INFINITY : bound;
}

/**
 * Cost in USD of `units` billed units in one month through graduated tiers: each unit is billed at the price of
 * the band it falls in (band k covers (bound[k-1], bound[k]]; the first starts at 0, the last is open-ended).
 * Fractional units are billed pro rata. No tiers = no public price: null, never 0.
 *
 * Full float precision; round only for display. Summing bands can leave float noise in the last digits
 * (1e6 x 0.0008 is not exactly 800), so tests compare money to 1e-9 USD or in exact cents.
 */
export function tieredPrice(tiers: readonly Tier[], units: number): number | null {
  if (tiers.length === 0) return null;
  if (!(units > 0)) return 0;
  let cost = 0;
  let lower = 0;
  for (const [k, tier] of tiers.entries()) {
    const upper = upperBound(tiers, k);
    if (units <= lower) break;
    cost += (Math.min(units, upper) - lower) * tier.pricePerUnitUSD;
    lower = upper;
  }
  return cost;
}

/**
 * Price of the next billed unit once `units` have been billed this month (the band that unit falls in).
 * At exactly a band's upper bound the next unit is already in the next band. Null when there is no price.
 */
export function marginalPrice(tiers: readonly Tier[], units: number): number | null {
  for (const [k, tier] of tiers.entries()) {
    if (units < upperBound(tiers, k)) return tier.pricePerUnitUSD;
  }
  return null;
}

/** Cost of `units` more units when `priorUnits` were already billed this month (a slice through the tiers). */
export function tieredPriceFrom(tiers: readonly Tier[], priorUnits: number, units: number): number | null {
  if (priorUnits <= 0) return tieredPrice(tiers, units);
  const before = tieredPrice(tiers, priorUnits);
  const after = tieredPrice(tiers, priorUnits + units);
  return before === null || after === null ? null : after - before;
}
