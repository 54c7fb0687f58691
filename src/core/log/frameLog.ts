import { isBilledFailure } from '../fold/frameTotals';
import { DEFAULT_SOURCE_FPS } from '../fold/sourceFps';
import {
  type Backend,
  type FrameEvent,
  type GateReason,
  type InferenceRecord,
  isSegmentedFrame,
  type SegmentationMode,
  type SourceKind,
} from '../frameEvent';
import type { CatalogEntry } from '../pricing/catalogSchema.ts';
import { tieredPriceFrom } from '../pricing/tieredPrice.ts';
import { csvCell } from './csvCell.ts';

/**
 * One line of the per-inference audit log (the article's `segmentation_inference` event), made from a FrameEvent.
 * Key order is fixed, so NDJSON lines diff cleanly between runs.
 */
export interface FrameLogRecord {
  ts: number;
  sessionId: string;
  frame: number;
  ran: boolean;
  reason: GateReason;
  source: SourceKind;
  model: string;
  backend: Backend;
  latencyMs: number | null;
  motion: number | null;
  mode: SegmentationMode;
  /** The inference's error, if it failed (not billed: its as-if cost is 0 but for per-minute entries). Null otherwise. */
  error: string | null;
  /** This frame's marginal as-if cost per catalog id; entries with no public price are left out, never $0. */
  asIfCostUSD: Record<string, number>;
}

export interface AsIfOptions {
  /** Source frame rate, for minute units (one frame = 1/fps s of stream). Default 30. */
  fps?: number;
  /** Bytes each inferred frame would upload, for GB units. Default 0. */
  frameBytes?: number;
}

/** The record of the inference started on the frame, where it has settled: a failed one is not billed. */
export interface FrameInference {
  inference?: Pick<InferenceRecord, 'kind' | 'error'>;
}

/** Fixed columns of the CSV, before one `asIfCostUSD.<id>` column per catalog id. */
export const FRAME_LOG_COLUMNS = [
  'ts',
  'sessionId',
  'frame',
  'ran',
  'reason',
  'source',
  'model',
  'backend',
  'latencyMs',
  'motion',
  'mode',
  'error',
] as const satisfies readonly (keyof FrameLogRecord)[];

/**
 * Billed units this one frame adds for `entry`, prorated (per-session rounding is left to the session total):
 *   image     1 per frame that ran
 *   frames16  1/16 per frame that ran (price/16)
 *   second    1/throughputFps per frame that ran (GPU busy time)
 *   hour      1/throughputFps/3600 per frame that ran
 *   GB        frameBytes/1e9 per frame that ran (the upload)
 *   minute    1/(fps x 60) per frame shown while segmentation is active, ran or skipped: a video API bills the
 *             stream, not the frames it looks at; frames while paused or with the effect off carry nothing.
 * A frame that ran but whose inference failed carries 0 (the fold's rule, isBilledFailure: failures are not
 * billed); until its record settles it is priced as billed. Skipped frames carry 0 for every other unit.
 */
export function frameUnits(
  entry: CatalogEntry,
  event: FrameEvent,
  options: AsIfOptions & FrameInference = {},
): number {
  if (entry.unit === 'minute') {
    const active = isSegmentedFrame(event);
    return active ? 1 / ((options.fps ?? DEFAULT_SOURCE_FPS) * 60) : 0;
  }
  if (!event.ran || (options.inference && isBilledFailure(options.inference))) return 0;
  return inferenceUnits(entry, options);
}

/** Billed units one inference adds for `entry`: what frameUnits gives a frame that ran (0 for minute units). */
export function inferenceUnits(entry: CatalogEntry, options: AsIfOptions = {}): number {
  const throughput = entry.throughputFps ?? Number.NaN;
  switch (entry.unit) {
    case 'minute':
      return 0;
    case 'image':
      return 1;
    case 'frames16':
      return 1 / 16;
    case 'second':
      return 1 / throughput;
    case 'hour':
      return 1 / throughput / 3600;
    case 'GB':
      return (options.frameBytes ?? 0) / 1e9;
  }
}

/**
 * The marginal as-if cost of this frame for `entry`, at the point of the month's tiers where `priorUnits` units
 * were already billed (0 = the month's first usage, as the cost panel prices). Null when the entry has no price.
 */
export function frameCostUSD(
  entry: CatalogEntry,
  event: FrameEvent,
  options: AsIfOptions & FrameInference & { priorUnits?: number } = {},
): number | null {
  const units = frameUnits(entry, event, options);
  if (entry.tiers.length === 0) return null;
  if (units <= 0) return 0;
  return tieredPriceFrom(entry.tiers, options.priorUnits ?? 0, units);
}

/** One record, each entry priced at `priorUnitsById` (default 0: the first band of the tiers). */
export function toFrameLogRecord(
  event: FrameEvent,
  entries: readonly CatalogEntry[],
  options: AsIfOptions & {
    priorUnitsById?: Readonly<Record<string, number>>;
    /** The record of the inference started on this frame, for its latency and error. */
    inference?: InferenceRecord;
  } = {},
): FrameLogRecord {
  const asIfCostUSD: Record<string, number> = {};
  for (const entry of entries) {
    const cost = frameCostUSD(entry, event, {
      ...options,
      priorUnits: options.priorUnitsById?.[entry.id] ?? 0,
    });
    if (cost !== null) asIfCostUSD[entry.id] = cost;
  }
  return {
    ts: event.ts,
    sessionId: event.sessionId,
    frame: event.frame,
    ran: event.ran,
    reason: event.reason,
    source: event.source,
    model: event.model,
    backend: event.backend,
    latencyMs: options.inference?.latencyMs ?? null,
    motion: event.motion,
    mode: event.mode,
    error: options.inference?.error ?? null,
    asIfCostUSD,
  };
}

/** What a session had billed before the first of the events being logged (the store keeps only the newest). */
export interface BilledBefore {
  /** Billed inferences (started, less the failed ones) before the first event. */
  inferences: number;
  /** Frames shown while segmenting before the first event (per-minute units). */
  segmentedFrames: number;
}

/**
 * Records of a session's frames in order, each frame priced where the session's cumulative units put it in the
 * tiers (so a free tier is used up first, and each column sums to the prorated session cost). `before` is what the
 * session billed before `events[0]` (none for a whole session): a window of the newest frames is priced where the
 * whole session would price them, not as if it were the month's first usage.
 */
export function toFrameLogRecords(
  events: readonly FrameEvent[],
  entries: readonly CatalogEntry[],
  options: AsIfOptions = {},
  inferences: readonly InferenceRecord[] = [],
  before: BilledBefore = { inferences: 0, segmentedFrames: 0 },
): FrameLogRecord[] {
  const fps = options.fps ?? DEFAULT_SOURCE_FPS;
  const prior: Record<string, number> = Object.fromEntries(
    entries.map((e) => [
      e.id,
      e.unit === 'minute'
        ? before.segmentedFrames / (fps * 60)
        : before.inferences * inferenceUnits(e, options),
    ]),
  );
  const byId = new Map(inferences.map((r) => [r.id, r]));
  return events.map((event) => {
    const inference = event.inferenceId === null ? undefined : byId.get(event.inferenceId);
    const record = toFrameLogRecord(event, entries, { ...options, priorUnitsById: prior, inference });
    for (const entry of entries) prior[entry.id] += frameUnits(entry, event, { ...options, inference });
    return record;
  });
}

/** One JSON object per line, newline-terminated (empty string for no records). */
export function toNdjson(records: Iterable<FrameLogRecord>): string {
  let out = '';
  for (const r of records) out += `${JSON.stringify(r)}\n`;
  return out;
}

/**
 * CSV with a header row: the fixed columns, then `asIfCostUSD.<id>` per catalog id (`catalogIds`, or every id met,
 * in order of first appearance). Null and missing cells (no public price) are empty. CRLF line ends.
 */
export function toCsv(records: readonly FrameLogRecord[], catalogIds?: readonly string[]): string {
  let ids = catalogIds;
  if (!ids) {
    const seen = new Set<string>();
    for (const r of records) for (const id of Object.keys(r.asIfCostUSD)) seen.add(id);
    ids = [...seen];
  }
  const header = [...FRAME_LOG_COLUMNS, ...ids.map((id) => `asIfCostUSD.${id}`)].map(csvCell).join(',');
  const lines = [header];
  for (const r of records) {
    const cells = FRAME_LOG_COLUMNS.map((c) => csvCell(r[c]));
    for (const id of ids) cells.push(csvCell(r.asIfCostUSD[id]));
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
