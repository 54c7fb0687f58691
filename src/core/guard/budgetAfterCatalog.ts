import { type Catalog, isPriced } from '../pricing/catalogSchema.ts';
import type { BudgetConfig } from './parseBudget.ts';

/**
 * What becomes of a budget when the catalog changes (an entry edited, renamed, removed, its tiers emptied, or another
 * catalog imported): kept while its entry is still there with a price, otherwise dropped, with the notice saying so.
 */
export function budgetAfterCatalog(
  config: BudgetConfig | null,
  catalog: Catalog,
): { config: BudgetConfig | null; notice: string | null } {
  if (!config) return { config: null, notice: null };
  const entry = catalog.find((e) => e.id === config.catalogId);
  if (entry && isPriced(entry)) return { config, notice: null };
  const why = entry
    ? 'has no price any more (its tiers are empty)'
    : 'is no longer in the catalog (removed, renamed or not in the imported catalog)';
  return {
    config: null,
    notice: `Budget removed: its entry ${config.catalogId} ${why}. Nothing limits spending now; set a new budget in the Budget panel.`,
  };
}
