import type { Catalog, ParseResult } from '../pricing/catalogSchema.ts';
import { isPriced } from '../pricing/catalogSchema.ts';
import { parseJsonText } from '../pricing/parseJsonText.ts';

/** A spending limit on one catalog entry, as the bench's `--budget FILE` and the budget panel give it. */
export interface BudgetConfig {
  /** The catalog entry the session is priced against. */
  catalogId: string;
  /** Hard limit, USD: at or above it no more inferences run. */
  limitUSD: number;
  /** Soft limit as a share of limitUSD, in (0, 1]: at or above it, an alert and the cost-saver mode. */
  softAt: number;
  /**
   * The period the limit is for: this session alone, or the calendar day or month (local time), counting every
   * session of this browser in that period. Default 'session'.
   */
  period: BudgetPeriod;
}

export type BudgetPeriod = 'session' | 'day' | 'month';
export const BUDGET_PERIODS: readonly BudgetPeriod[] = ['session', 'day', 'month'];

/** What a budget file may contain: softAt and period may be left out. */
export type BudgetConfigInput = Omit<BudgetConfig, 'softAt' | 'period'> & {
  softAt?: number;
  period?: BudgetPeriod;
};

export const DEFAULT_SOFT_AT = 0.8;

const KNOWN = new Set(['catalogId', 'limitUSD', 'softAt', 'period']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks a budget (JSON text or a parsed value), e.g. `{ "catalogId": "aws-rekognition-image-group2",
 * "limitUSD": 0.5 }`. Every bad or unknown field is listed, not just the first. With `catalog`, the id must name an
 * entry of it that has a public price (a budget on "no public price" could never be reached).
 */
export function parseBudget(json: unknown, catalog?: Catalog): ParseResult<BudgetConfig> {
  let value = json;
  if (typeof json === 'string') {
    const text = parseJsonText(json);
    if (!text.ok) return { ok: false, errors: [`(root): not valid JSON (${text.error})`] };
    value = text.value;
  }
  if (!isRecord(value)) return { ok: false, errors: ['(root): a budget must be a JSON object'] };
  const errors: string[] = [];
  for (const key of Object.keys(value)) {
    if (!KNOWN.has(key)) errors.push(`${key}: unknown field`);
  }
  const { catalogId, limitUSD, softAt = DEFAULT_SOFT_AT, period = 'session' } = value;
  if (!BUDGET_PERIODS.includes(period as BudgetPeriod))
    errors.push(`period: must be one of ${BUDGET_PERIODS.join(', ')}`);
  if (typeof catalogId !== 'string' || catalogId.trim() === '') {
    errors.push('catalogId: must be a non-empty string');
  } else if (catalog) {
    const entry = catalog.find((e) => e.id === catalogId);
    if (!entry) errors.push(`catalogId: no catalog entry "${catalogId}"`);
    else if (!isPriced(entry)) errors.push(`catalogId: "${catalogId}" has no public price`);
  }
  if (typeof limitUSD !== 'number' || !Number.isFinite(limitUSD) || limitUSD <= 0) {
    errors.push('limitUSD: must be a number > 0');
  }
  if (typeof softAt !== 'number' || !Number.isFinite(softAt) || softAt <= 0 || softAt > 1) {
    errors.push('softAt: must be a number in (0, 1]');
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      catalogId: catalogId as string,
      limitUSD: limitUSD as number,
      softAt: softAt as number,
      period: period as BudgetPeriod,
    },
  };
}
