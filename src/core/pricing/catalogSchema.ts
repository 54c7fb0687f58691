/**
 * The pricing catalog: what one billed unit of each cloud option costs, with where and when the price was seen.
 *
 * On-device inference is deliberately NOT a catalog entry: it costs $0 per inference, has no source or date, and its
 * honest figure is the device milliseconds it took (from FrameEvent.latencyMs), which the UI shows next to the
 * priced entries. Keeping it out keeps "every entry carries a source and a date" true.
 */
import { z } from 'zod';
import { formatIssuePath, formatIssues } from './formatIssues.ts';
import { parseJsonText } from './parseJsonText.ts';

export const PRICE_UNITS = ['image', 'frames16', 'minute', 'second', 'hour', 'GB'] as const;
export type PriceUnit = (typeof PRICE_UNITS)[number];

/** Units that bill GPU time and therefore need to know how many frames per second one instance serves. */
export const THROUGHPUT_UNITS: readonly PriceUnit[] = ['second', 'hour'];

export const CONFIDENCE_LEVELS = ['verified', 'article', 'unverified'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** More bands than any real price list has: each frame walks the tiers, so the list is kept short. */
export const MAX_TIERS = 100;
/** Catalog entries a file may hold. */
export const MAX_ENTRIES = 1000;

export const tierSchema = z.strictObject({
  /** Cumulative upper bound of the band in billed units per month; null for the last, open-ended band. */
  upToUnitsPerMonth: z.number().positive().nullable(),
  /** Free tiers are priced 0, so 0 is allowed; a missing price is an entry with no tiers, never a 0. */
  pricePerUnitUSD: z.number().nonnegative(),
});
export type Tier = z.infer<typeof tierSchema>;

export const catalogEntrySchema = z.strictObject({
  id: z.string().min(1),
  provider: z.string().min(1),
  product: z.string().min(1),
  unit: z.enum(PRICE_UNITS),
  /** Graduated bands, ascending. Empty = no public price: shown as such, never as $0. */
  tiers: z.array(tierSchema).max(MAX_TIERS),
  /**
   * "ceil-per-session": each session's billed units are rounded up to a whole unit (a 10 s clip billed as 1 minute,
   * 300 frames billed as 19 chunks of 16). Applies to live sessions and, in a projection, to each of the month's
   * sessions (all assumed the same length). "none": billed units are prorated.
   */
  rounding: z.enum(['none', 'ceil-per-session']).default('none'),
  /** Frames per second one instance serves at full utilisation; required for "second" and "hour" units. */
  throughputFps: z.number().positive().optional(),
  /** Where the price was seen: a web page (http or https only; it is shown as a link). */
  sourceUrl: z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' }),
  /** ISO date (YYYY-MM-DD) the price was seen at the source. */
  seenDate: z.iso.date(),
  confidence: z.enum(CONFIDENCE_LEVELS),
  notes: z.string().default(''),
});
export type CatalogEntry = z.output<typeof catalogEntrySchema>;
/** What a catalog file may contain: rounding and notes may be left out. */
export type CatalogEntryInput = z.input<typeof catalogEntrySchema>;
export type Catalog = CatalogEntry[];

export const catalogSchema = z.array(catalogEntrySchema).max(MAX_ENTRIES);

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Rules that span fields. Checked by hand on the raw input rather than with zod refinements, because zod skips
 * refinements on an object that already has a type error, and we want every bad field in one pass.
 */
function crossFieldErrors(raw: readonly unknown[]): string[] {
  const errors: string[] = [];
  const firstIndexOfId = new Map<string, number>();
  raw.forEach((entry, i) => {
    if (!isRecord(entry)) return;
    if (typeof entry.id === 'string') {
      const first = firstIndexOfId.get(entry.id);
      if (first === undefined) firstIndexOfId.set(entry.id, i);
      else errors.push(`${formatIssuePath([i, 'id'])}: duplicate id "${entry.id}" (first at [${first}])`);
    }
    if (
      typeof entry.unit === 'string' &&
      (THROUGHPUT_UNITS as readonly string[]).includes(entry.unit) &&
      entry.throughputFps === undefined
    ) {
      errors.push(`${formatIssuePath([i, 'throughputFps'])}: required for unit "${entry.unit}"`);
    }
    if (!Array.isArray(entry.tiers)) return;
    const tiers: unknown[] = entry.tiers;
    let previousBound = 0;
    tiers.forEach((tier, k) => {
      if (!isRecord(tier)) return;
      const bound = tier.upToUnitsPerMonth;
      const path = formatIssuePath([i, 'tiers', k, 'upToUnitsPerMonth']);
      const isLast = k === tiers.length - 1;
      if (bound === null && !isLast) errors.push(`${path}: only the last tier may be open-ended (null)`);
      if (typeof bound === 'number') {
        if (isLast) errors.push(`${path}: the last tier must be open-ended (null)`);
        if (bound <= previousBound)
          errors.push(`${path}: must be greater than the previous bound ${previousBound}`);
        previousBound = Math.max(previousBound, bound);
      }
    });
  });
  return errors;
}

/** Sort errors by catalog entry index so each entry's problems read together; stable within an entry. */
function entryIndex(error: string): number {
  const m = /^\[(\d+)\]/.exec(error);
  return m ? Number(m[1]) : -1;
}

/**
 * Checks a catalog (a parsed JSON value, or JSON text) and returns either the whole catalog or every bad field as
 * `path: problem` lines, e.g. `[3].tiers[1].pricePerUnitUSD: expected number, received string`. Never a partial
 * catalog: callers keep their previous catalog when this fails.
 */
export function parseCatalog(json: unknown): ParseResult<Catalog> {
  let value = json;
  if (typeof json === 'string') {
    const text = parseJsonText(json);
    if (!text.ok) return { ok: false, errors: [`(root): not valid JSON (${text.error})`] };
    value = text.value;
  }
  const parsed = catalogSchema.safeParse(value, { reportInput: true });
  const errors = [
    ...(parsed.success ? [] : formatIssues(parsed.error.issues)),
    ...(Array.isArray(value) ? crossFieldErrors(value) : []),
  ];
  if (errors.length > 0 || !parsed.success) {
    const sorted = errors
      .map((e, n) => ({ e, n, i: entryIndex(e) }))
      .sort((a, b) => a.i - b.i || a.n - b.n)
      .map(({ e }) => e);
    return { ok: false, errors: sorted };
  }
  return { ok: true, value: parsed.data };
}

/** True when the entry has a public price (at least one tier). */
export function isPriced(entry: Pick<CatalogEntry, 'tiers'>): boolean {
  return entry.tiers.length > 0;
}
