import { billedUnits, type Usage } from './billedUnits.ts';
import type { CatalogEntry, PriceUnit } from './catalogSchema.ts';
import { tieredPriceFrom } from './tieredPrice.ts';

/** Counts of a live session (or of several, summed), straight from the FrameEvent stream. */
export interface SessionCounts {
  /** Frames displayed (what every-frame would have inferred). */
  frames: number;
  /** Frames the model ran on. */
  inferences: number;
  /** Stream duration so far, seconds. */
  durationSeconds: number;
  /** Sessions the counts span; 1 for one live session. Per-session rounding rounds each (assumed equal) session. */
  sessions: number;
  /** Bytes per frame that would have been sent, for GB entries. */
  frameBytes: number;
}

/** As-if cost of one session for one catalog entry. Money fields are null when the entry has no public price. */
export interface SessionPrice {
  id: string;
  unit: PriceUnit;
  ranUnits: number;
  everyFrameUnits: number;
  /** What the inferences that ran would have cost. */
  ranUSD: number | null;
  /** What inferring every frame would have cost. */
  everyFrameUSD: number | null;
  /** everyFrameUSD - ranUSD. */
  savingUSD: number | null;
  /** saving / everyFrame x 100; null when every-frame costs nothing (nothing to save, or a free tier). */
  savingPct: number | null;
  perSessionUSD: number | null;
  perMinuteUSD: number | null;
  perThousandFramesUSD: number | null;
}

export interface PriceSessionOptions {
  /**
   * Billed units of each entry already used this month before these counts, by id (default 0). With 0 the
   * session is priced as the month's first usage, so free tiers apply first (Cloud Vision's first 1,000 images
   * are $0); pass a projected volume to price at that point of the tiers instead.
   */
  priorUnitsById?: Readonly<Record<string, number>>;
}

/**
 * Prices a live session for each entry. Called by the meter a few times a second: a handful of arithmetic per
 * entry and one short walk through its tiers, no allocation beyond the result.
 *
 * Per-session rounding (entries with rounding "ceil-per-session") applies to the session so far: a 10 s session
 * on a per-minute API already costs one whole minute; a 300-frame session is 19 chunks of 16.
 */
export function priceSession(
  entries: readonly CatalogEntry[],
  counts: SessionCounts,
  options: PriceSessionOptions = {},
): SessionPrice[] {
  const ran: Usage = {
    inferences: counts.inferences,
    durationSeconds: counts.durationSeconds,
    sessions: counts.sessions,
    frameBytes: counts.frameBytes,
  };
  const every: Usage = { ...ran, inferences: counts.frames };
  const minutes = counts.durationSeconds / 60;
  return entries.map((entry): SessionPrice => {
    const prior = options.priorUnitsById?.[entry.id] ?? 0;
    const ranUnits = billedUnits(entry, ran);
    const everyFrameUnits = billedUnits(entry, every);
    const ranUSD = tieredPriceFrom(entry.tiers, prior, ranUnits);
    const everyFrameUSD = tieredPriceFrom(entry.tiers, prior, everyFrameUnits);
    const savingUSD = ranUSD === null || everyFrameUSD === null ? null : everyFrameUSD - ranUSD;
    return {
      id: entry.id,
      unit: entry.unit,
      ranUnits,
      everyFrameUnits,
      ranUSD,
      everyFrameUSD,
      savingUSD,
      savingPct:
        savingUSD !== null && everyFrameUSD !== null && everyFrameUSD > 0
          ? (savingUSD / everyFrameUSD) * 100
          : null,
      perSessionUSD: ranUSD !== null && counts.sessions > 0 ? ranUSD / counts.sessions : null,
      perMinuteUSD: ranUSD !== null && minutes > 0 ? ranUSD / minutes : null,
      perThousandFramesUSD: ranUSD !== null && counts.frames > 0 ? (ranUSD / counts.frames) * 1000 : null,
    };
  });
}
