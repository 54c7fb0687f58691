import type { Catalog, CatalogEntry } from './catalogSchema.ts';
import { priceSession, type SessionPrice } from './priceSession.ts';
import { projectMonthly } from './projectMonthly.ts';
import type { Scenario } from './scenarioSchema.ts';

/** What the live view prices: the session's FrameEvent counts and the projection's volume. */
export interface LiveCostInput {
  entries: readonly CatalogEntry[];
  frames: number;
  inferences: number;
  /** Source frame rate the stream's duration is derived from (frames / fps). */
  fps: number;
  /** Bytes each inferred frame would upload, for GB entries. */
  frameBytes: number;
  /** The projection's scenario (its volume); null while the projection form is invalid. */
  scenario: Scenario | null;
  catalog: Catalog;
}

/** One entry's month at the projection's volume, with this session's inference ratio. */
export interface MonthlyAtSessionRatio {
  id: string;
  adaptiveUSD: number | null;
  everyFrameUSD: number | null;
  savingUSD: number | null;
  /** saving / every-frame x 100; null when every-frame costs nothing. */
  savingPct: number | null;
}

export interface LiveCostFigures {
  frames: number;
  inferences: number;
  /** inferences / frames; null before the first frame. */
  ratio: number | null;
  durationSeconds: number;
  /** The session so far, as if sent to the cloud, per entry (in the order of `entries`). */
  prices: SessionPrice[];
  /** The projection's month at this session's ratio, by entry id; empty without a ratio or a valid scenario. */
  monthly: Readonly<Record<string, MonthlyAtSessionRatio>>;
}

/**
 * The live view's money figures, computed once for the headline and the cost panel alike: the session priced per
 * entry (priceSession, as the month's first usage), and the projection's month re-priced at the ratio this session
 * ran at (projectMonthly). A few arithmetic operations per entry: cheap enough for the 4 Hz snapshot tick.
 */
export function liveCostFigures(input: LiveCostInput): LiveCostFigures {
  const { entries, frames, inferences, fps, frameBytes, scenario, catalog } = input;
  const durationSeconds = fps > 0 ? frames / fps : 0;
  const ratio = frames > 0 ? inferences / frames : null;
  const prices = priceSession(entries, { frames, inferences, durationSeconds, sessions: 1, frameBytes });
  const monthly: Record<string, MonthlyAtSessionRatio> = {};
  if (ratio !== null && scenario && entries.length > 0) {
    const atRatio: Scenario = { ...scenario, inferenceRatio: ratio, providers: entries.map((e) => e.id) };
    for (const p of projectMonthly(atRatio, catalog).providers) {
      const saving =
        p.monthlyUSD === null || p.everyFrameMonthlyUSD === null
          ? null
          : p.everyFrameMonthlyUSD - p.monthlyUSD;
      monthly[p.id] = {
        id: p.id,
        adaptiveUSD: p.monthlyUSD,
        everyFrameUSD: p.everyFrameMonthlyUSD,
        savingUSD: saving,
        savingPct:
          saving !== null && p.everyFrameMonthlyUSD !== null && p.everyFrameMonthlyUSD > 0
            ? (saving / p.everyFrameMonthlyUSD) * 100
            : null,
      };
    }
  }
  return { frames, inferences, ratio, durationSeconds, prices, monthly };
}
