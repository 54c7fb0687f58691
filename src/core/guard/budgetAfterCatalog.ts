import { type Catalog, isPriced } from '../pricing/catalogSchema.ts';
import type { BudgetConfig } from './parseBudget.ts';

/** Why a budget was dropped: its entry is gone from the catalog, or is there without a price (tiers emptied). */
export interface DroppedBudget {
  catalogId: string;
  why: 'missing' | 'unpriced';
}

/**
 * What becomes of a budget when the catalog changes (an entry edited, renamed, removed, its tiers emptied, or another
 * catalog imported): kept while its entry is still there with a price, otherwise dropped, saying why.
 */
export function budgetAfterCatalog(
  config: BudgetConfig | null,
  catalog: Catalog,
): { config: BudgetConfig | null; dropped: DroppedBudget | null } {
  if (!config) return { config: null, dropped: null };
  const entry = catalog.find((e) => e.id === config.catalogId);
  if (entry && isPriced(entry)) return { config, dropped: null };
  return { config: null, dropped: { catalogId: config.catalogId, why: entry ? 'unpriced' : 'missing' } };
}
