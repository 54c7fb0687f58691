import type { FrameTotals } from '../fold/frameTotals';
import type { FrameEvent, InferenceRecord } from '../frameEvent';
import type { CatalogEntry } from '../pricing/catalogSchema.ts';
import { isPriced } from '../pricing/catalogSchema.ts';
import { liveCostFigures } from '../pricing/liveCostFigures.ts';
import { toFrameLogRecords } from './frameLog.ts';

export interface EntryComparison {
  id: string;
  /** The per-frame log's column, summed. */
  logUSD: number;
  /** The cost panel's figure for the session, from the fold's totals. */
  totalsUSD: number;
  /** Equal within a relative 1e-9 (the log sums thousands of small floats). */
  agree: boolean;
}

export interface LogTotalsCheck {
  /** Every priced entry agrees, and the log holds every frame the totals counted. */
  match: boolean;
  /** Frames in the log (duplicates are not frames) against the totals' frames. */
  logFrames: number;
  totalsFrames: number;
  entries: EntryComparison[];
}

const RELATIVE = 1e-9;

/**
 * Whether the cost totals equal the sum of the per-frame log: the whole session's FrameEvents and InferenceRecords
 * priced frame by frame (toFrameLogRecords, as the log's export does) against the cost panel's computation over the
 * fold's totals (liveCostFigures). Per-session rounding is left out of both (the log is prorated by design), and
 * both use one frame rate, so what is compared is the counting: frames, stream time and billed inferences.
 */
export function logMatchesTotals(
  events: readonly FrameEvent[],
  inferences: readonly InferenceRecord[],
  totals: Pick<FrameTotals, 'frames' | 'inferences'>,
  catalog: readonly CatalogEntry[],
  options: { fps: number; frameBytes: number },
): LogTotalsCheck {
  const entries = catalog.filter(isPriced).map((e) => ({ ...e, rounding: 'none' as const }));
  const sums = new Map(entries.map((e) => [e.id, 0]));
  for (const record of toFrameLogRecords(events, entries, options, inferences))
    for (const [id, usd] of Object.entries(record.asIfCostUSD)) sums.set(id, (sums.get(id) ?? 0) + usd);
  const figures = liveCostFigures({
    entries,
    frames: totals.frames,
    inferences: totals.inferences,
    fps: options.fps,
    frameBytes: options.frameBytes,
    scenario: null,
    catalog: entries,
  });
  const agree = (a: number, b: number) =>
    Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b), 1e-6);
  const compared = figures.prices.map((p) => {
    const logUSD = sums.get(p.id) ?? 0;
    const totalsUSD = p.ranUSD ?? 0;
    return { id: p.id, logUSD, totalsUSD, agree: agree(logUSD, totalsUSD) };
  });
  const logFrames = events.filter((e) => e.reason !== 'duplicate').length;
  return {
    match: logFrames === totals.frames && compared.every((c) => c.agree),
    logFrames,
    totalsFrames: totals.frames,
    entries: compared,
  };
}
