import type { CostWatch } from '../../core/guard/CostWatch';
import type { BudgetConfig, BudgetConfigInput } from '../../core/guard/parseBudget';
import { parseBudget } from '../../core/guard/parseBudget';
import type { Catalog } from '../../core/pricing/catalogSchema';
import { formatUSD } from '../../core/pricing/formatUSD';
import { PeriodBudget } from './PeriodBudget';

/** What of the live session the budget needs (the session passes itself; no import of it here). */
export interface BudgetHost {
  readonly sessionId: string;
  /** The current cost watch (null while none, or while the session is still being constructed). */
  watch(): CostWatch | null;
  /** The user asked for max quality. */
  maxQuality(): boolean;
  readonly catalog: Catalog;
  notify(level: 'info' | 'warning' | 'error', text: string): void;
  setBudget(config: BudgetConfigInput | BudgetConfig | null): void;
}

/** The session's PeriodBudget on this browser's localStorage, a BroadcastChannel and navigator.locks. */
export function createPeriodBudget(session: BudgetHost): PeriodBudget {
  return new PeriodBudget({
    sessionId: session.sessionId,
    storage: () => window.localStorage,
    channel: typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('segmeter-budget'),
    locks: typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null,
    watch: () => session.watch(),
    requested: () => (session.maxQuality() ? 'max-quality' : 'full'),
    notify: (level, text) => session.notify(level, text),
    fallback: (config) => session.setBudget(config),
  });
}

/** Enforces the budget saved by an earlier session of this browser at once (if its entry is still priced). */
export function restoreBudget(session: BudgetHost, period: PeriodBudget): void {
  const saved = period.saved();
  if (saved === null) return;
  const parsed = parseBudget(saved, session.catalog);
  if (!parsed.ok) {
    session.notify('warning', `The saved budget was not restored: ${parsed.errors.join('; ')}`);
    return;
  }
  const { limitUSD, period: p, catalogId } = parsed.value;
  session.setBudget(parsed.value);
  const span = p === 'session' ? 'this session' : p === 'day' ? 'today' : 'this month';
  session.notify('info', `Budget restored: ${formatUSD(limitUSD)} ${span} on ${catalogId}.`);
}
