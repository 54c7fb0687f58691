import type { WatchUsage } from './CostWatch.ts';
import type { BudgetPeriod } from './parseBudget.ts';

/** One session's usage in a period as the ledger keeps it, with its claim on the next inference. */
export interface SessionUsage extends WatchUsage {
  /** The session holds a permit to start one more inference (see PeriodBudget): counted as spent by the others. */
  reserved: boolean;
  /** When the record was written (ms since epoch): a reservation older than RESERVATION_TTL_MS is void. */
  at: number;
}

/** A tab that crashed holding a permit must not block the others for longer than this. */
export const RESERVATION_TTL_MS = 5_000;
/** Where the budget itself is kept, so a reload enforces it at once. */
export const BUDGET_STORAGE_KEY = 'segmeter.budget';

/** The calendar bucket a day or month budget counts in (local time); null for a session budget. */
export function periodKey(period: BudgetPeriod, at: Date): string | null {
  if (period === 'session') return null;
  const month = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;
  return period === 'month' ? month : `${month}-${String(at.getDate()).padStart(2, '0')}`;
}

/** The local midnight (day) or first of the next month (month) at which the period key changes; null: never. */
export function nextRollover(period: BudgetPeriod, at: Date): Date | null {
  if (period === 'session') return null;
  return period === 'day'
    ? new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1)
    : new Date(at.getFullYear(), at.getMonth() + 1, 1);
}

/** Where a browser keeps each session's usage for one entry in one period (one record per session id). */
export function usageStorageKey(catalogId: string, key: string): string {
  return `segmeter.usage.${key}.${catalogId}`;
}

const count = (v: unknown): number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0;

/**
 * The stored record (`{ [sessionId]: SessionUsage }`) as a Map: malformed records and members count as nothing
 * rather than breaking the budget, and no key can reach an object prototype (`__proto__`, `constructor`).
 */
export function parseUsageRecord(stored: string | null): Map<string, SessionUsage> {
  const out = new Map<string, SessionUsage>();
  if (!stored) return out;
  let record: unknown;
  try {
    record = JSON.parse(stored);
  } catch {
    return out;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return out;
  for (const [id, usage] of Object.entries(record as Record<string, unknown>)) {
    if (typeof usage !== 'object' || usage === null) continue;
    const u = usage as Record<string, unknown>;
    out.set(id, {
      inferences: count(u.inferences),
      activeFrames: count(u.activeFrames),
      reserved: u.reserved === true,
      at: count(u.at),
    });
  }
  return out;
}

/**
 * Every other session's usage, one item per session (each is billed as its own session). With `now`, a live
 * reservation counts as one more inference (for granting permits, so two tabs cannot both take the last one);
 * without it, only what was spent (for the spend shown and enforced).
 */
export function othersUsage(
  record: Map<string, SessionUsage>,
  ownSessionId: string,
  now?: number,
): WatchUsage[] {
  const out: WatchUsage[] = [];
  for (const [id, u] of record) {
    if (id === ownSessionId) continue;
    const live = now !== undefined && u.reserved && now - u.at <= RESERVATION_TTL_MS;
    out.push({ inferences: u.inferences + (live ? 1 : 0), activeFrames: u.activeFrames });
  }
  return out;
}
