import type { CostWatch } from '../../core/guard/CostWatch';
import type { BudgetConfig, BudgetConfigInput } from '../../core/guard/parseBudget';
import { parseBudget } from '../../core/guard/parseBudget';
import type { NoticeBody, NoticeLevel } from '../../core/notice';
import type { Catalog } from '../../core/pricing/catalogSchema';
import { PeriodBudget } from './PeriodBudget';

/** What of the live session the budget needs (the session passes itself; no import of it here). */
export interface BudgetHost {
  readonly sessionId: string;
  /** The current cost watch (null while none, or while the session is still being constructed). */
  watch(): CostWatch | null;
  /** The user asked for max quality. */
  maxQuality(): boolean;
  readonly catalog: Catalog;
  notify(level: NoticeLevel, notice: NoticeBody): void;
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
    notify: (level, notice) => session.notify(level, notice),
    fallback: (config) => session.setBudget(config),
  });
}

/** Enforces the budget saved by an earlier session of this browser at once (if its entry is still priced). */
export function restoreBudget(session: BudgetHost, period: PeriodBudget): void {
  const saved = period.saved();
  if (saved === null) return;
  const parsed = parseBudget(saved, session.catalog);
  if (!parsed.ok) {
    session.notify('warning', { code: 'budget-not-restored', params: { errors: parsed.errors } });
    return;
  }
  const { limitUSD, period: span, catalogId } = parsed.value;
  session.setBudget(parsed.value);
  session.notify('info', { code: 'budget-restored', params: { limitUSD, period: span, catalogId } });
}
