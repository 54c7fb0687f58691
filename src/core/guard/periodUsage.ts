import type { WatchUsage } from './CostWatch.ts';
import type { BudgetPeriod } from './parseBudget.ts';

/** The calendar bucket a day or month budget counts in (local time); null for a session budget. */
export function periodKey(period: BudgetPeriod, at: Date): string | null {
  if (period === 'session') return null;
  const month = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;
  return period === 'month' ? month : `${month}-${String(at.getDate()).padStart(2, '0')}`;
}

/** Where a browser keeps each session's usage for one entry in one period (one record per session id). */
export function usageStorageKey(catalogId: string, key: string): string {
  return `segmeter.usage.${key}.${catalogId}`;
}

/**
 * The usage of every other session in a stored record (`{ [sessionId]: WatchUsage }`), summed; malformed records
 * and entries count as nothing rather than breaking the budget.
 */
export function priorUsage(stored: string | null, ownSessionId: string): WatchUsage {
  const sum: WatchUsage = { inferences: 0, activeFrames: 0 };
  if (!stored) return sum;
  let record: unknown;
  try {
    record = JSON.parse(stored);
  } catch {
    return sum;
  }
  if (typeof record !== 'object' || record === null) return sum;
  for (const [id, usage] of Object.entries(record as Record<string, unknown>)) {
    if (id === ownSessionId || typeof usage !== 'object' || usage === null) continue;
    const { inferences, activeFrames } = usage as Partial<WatchUsage>;
    if (typeof inferences === 'number' && inferences >= 0) sum.inferences += inferences;
    if (typeof activeFrames === 'number' && activeFrames >= 0) sum.activeFrames += activeFrames;
  }
  return sum;
}

/** The stored record with this session's usage written in. */
export function withOwnUsage(stored: string | null, ownSessionId: string, usage: WatchUsage): string {
  let record: Record<string, unknown> = {};
  try {
    const parsed = stored ? JSON.parse(stored) : {};
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) record = parsed;
  } catch {
    record = {};
  }
  return JSON.stringify({ ...record, [ownSessionId]: usage });
}
