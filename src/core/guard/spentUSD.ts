import { billedUnits } from '../pricing/billedUnits.ts';
import type { CatalogEntry } from '../pricing/catalogSchema.ts';
import { tieredPrice } from '../pricing/tieredPrice.ts';

/**
 * What a session has spent so far on one catalog entry, as if its inferences had been sent there: the same
 * billedUnits + tieredPrice the cost panel uses (priced as the month's first usage), so the budget and the meter
 * never disagree. Null when the entry has no public price: such an entry cannot carry a budget.
 *
 * `durationSeconds` only matters for minute units (a video API bills the stream, inferred or not): pass the stream
 * time during which segmentation was active, so a paused session stops accruing.
 */
export function spentUSD(
  entry: CatalogEntry,
  inferences: number,
  durationSeconds: number,
  sessions = 1,
  frameBytes = 0,
): number | null {
  return tieredPrice(entry.tiers, billedUnits(entry, { inferences, durationSeconds, sessions, frameBytes }));
}
