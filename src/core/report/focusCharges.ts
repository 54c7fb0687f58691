import type { Catalog } from '../pricing/catalogSchema.ts';
import type { SessionPrice } from '../pricing/priceSession.ts';
import { projectMonthly } from '../pricing/projectMonthly.ts';
import type { Scenario } from '../pricing/scenarioSchema.ts';
import { type FocusCharge, utcMonth } from './focusCsv.ts';

/** What every SegMeter charge is for. */
export const FOCUS_FEATURE = 'person-segmentation';

/**
 * A projected month as FOCUS charges: one per priced entry, over the UTC calendar month holding `month`, billed at
 * the scenario's inference ratio (the same projectMonthly the report's table comes from). Unpriced entries have no
 * cost to report and are left out.
 */
export function projectionCharges(
  scenario: Scenario,
  catalog: Catalog,
  options: { policy: string; month: Date },
): FocusCharge[] {
  const byId = new Map(catalog.map((e) => [e.id, e]));
  const { start, end } = utcMonth(options.month);
  return projectMonthly(scenario, catalog).providers.flatMap((p): FocusCharge[] => {
    const entry = byId.get(p.id);
    if (!entry || p.monthlyUSD === null || p.everyFrameMonthlyUSD === null) return [];
    return [
      {
        entry,
        scenario: 'projection',
        policy: options.policy,
        feature: FOCUS_FEATURE,
        inferenceRatio: scenario.inferenceRatio,
        periodStart: start,
        periodEnd: end,
        quantity: p.billedUnits,
        costUSD: p.monthlyUSD,
        everyFrameUSD: p.everyFrameMonthlyUSD,
      },
    ];
  });
}

/** A live session as FOCUS charges: one per priced entry, over [start, start + stream time), at least a second long. */
export function sessionCharges(
  prices: readonly SessionPrice[],
  catalog: Catalog,
  options: { policy: string; start: Date; durationSeconds: number; inferenceRatio: number },
): FocusCharge[] {
  const byId = new Map(catalog.map((e) => [e.id, e]));
  const end = new Date(options.start.getTime() + Math.max(1, Math.ceil(options.durationSeconds)) * 1000);
  return prices.flatMap((p): FocusCharge[] => {
    const entry = byId.get(p.id);
    if (!entry || p.ranUSD === null || p.everyFrameUSD === null) return [];
    return [
      {
        entry,
        scenario: 'session',
        policy: options.policy,
        feature: FOCUS_FEATURE,
        inferenceRatio: options.inferenceRatio,
        periodStart: options.start,
        periodEnd: end,
        quantity: p.ranUnits,
        costUSD: p.ranUSD,
        everyFrameUSD: p.everyFrameUSD,
      },
    ];
  });
}
