/**
 * The figures of `npm run telemetry-overhead`, from its interleaved windows: per condition the median display fps
 * and its ratio to telemetry off, the main-thread time telemetry took, and what it sent. Pure, so it is unit-tested.
 */

import { median } from '../core/fold/liveStats.ts';

/** Telemetry off, or on against a collector that answers 200, 503, or never. */
export type Condition = 'off' | 'ok' | '503' | 'hang';
export const CONDITIONS: readonly Condition[] = ['off', 'ok', '503', 'hang'];

/** How far from "off" a condition's median display fps may be and still count as unaffected. */
export const TOLERANCE = 0.05;

/**
 * One round's window order: the conditions rotated by the round, so that over four rounds each condition holds each
 * place once. With off always first (stop 17's order) the off windows came out slowest twice; rotating takes the
 * window's place in the round out of the comparison.
 */
export function roundOrder(round: number): Condition[] {
  const k = round % CONDITIONS.length;
  return [...CONDITIONS.slice(k), ...CONDITIONS.slice(0, k)];
}

/** Main-thread ms telemetry spent within one window (deltas of the session's TelemetryStatus.work). */
export interface WindowWork {
  recordMs: number;
  readMs: number;
  reads: number;
  exportMs: number;
  exportCalls: number;
}

export interface WindowMeasure {
  round: number;
  condition: Condition;
  seconds: number;
  frames: number;
  fps: number;
  /** Null while telemetry is off. */
  work: WindowWork | null;
  /** Seconds over which requests are counted: from the collector's switch (off: from the last exporter's stop). */
  sentSeconds: number;
  /** Requests that reached the collector in those seconds, and their bytes (metrics and logs alike). */
  requests: number;
  bytes: number;
  /** The panel's export state at the window's end (null while off). */
  state: string | null;
  /** Media time of the looping clip where the window started (s): every window starts where the clip starts over. */
  clipStart: number;
}

export interface ConditionSummary {
  windows: number;
  fps: number[];
  medianFps: number | null;
  ratioToOff: number | null;
  /** Median over rounds of this condition's fps over the same round's off fps: pairs cancel the machine's drift. */
  pairedRatio: number | null;
  /** Whether pairedRatio is within TOLERANCE of 1 (null for off). */
  withinFivePercent: boolean | null;
  /** Collections (the SDK's reads) and export calls (batches handed to the OTLP exporter, retries within it not). */
  collections: number;
  exportCalls: number;
  requests: number;
  /** Main-thread ms of one export: one collection's readings plus one export call (serialise, start the request). */
  mainThreadMsPerExport: number | null;
  /** All of telemetry's main-thread ms (per event, per collection, per export call) per second of the windows. */
  mainThreadMsPerSecond: number;
  bytesPerRequest: number | null;
  bytesPerMinute: number;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export function summarize(windows: readonly WindowMeasure[]): Record<Condition, ConditionSummary> {
  const offMedian = median(windows.filter((w) => w.condition === 'off').map((w) => w.fps));
  const out = {} as Record<Condition, ConditionSummary>;
  for (const condition of CONDITIONS) {
    const ws = windows.filter((w) => w.condition === condition);
    const fps = ws.map((w) => w.fps);
    const medianFps = median(fps);
    const ratio =
      condition === 'off' || medianFps === null || !offMedian ? null : medianFps / (offMedian as number);
    const paired =
      condition === 'off'
        ? null
        : median(
            ws.flatMap((w) => {
              const off = windows.find((o) => o.condition === 'off' && o.round === w.round);
              return off && off.fps > 0 ? [w.fps / off.fps] : [];
            }),
          );
    const work = ws.flatMap((w) => (w.work ? [w.work] : []));
    const reads = sum(work.map((w) => w.reads));
    const calls = sum(work.map((w) => w.exportCalls));
    const readMs = sum(work.map((w) => w.readMs));
    const exportMs = sum(work.map((w) => w.exportMs));
    const seconds = sum(ws.map((w) => w.seconds));
    const requests = sum(ws.map((w) => w.requests));
    const bytes = sum(ws.map((w) => w.bytes));
    const sentSeconds = sum(ws.map((w) => w.sentSeconds));
    out[condition] = {
      windows: ws.length,
      fps,
      medianFps,
      ratioToOff: ratio,
      pairedRatio: paired,
      withinFivePercent: paired === null ? null : Math.abs(paired - 1) <= TOLERANCE,
      collections: reads,
      exportCalls: calls,
      requests,
      mainThreadMsPerExport:
        reads > 0 && calls > 0 ? readMs / reads + exportMs / calls : reads > 0 ? readMs / reads : null,
      mainThreadMsPerSecond:
        seconds > 0 ? (sum(work.map((w) => w.recordMs)) + readMs + exportMs) / seconds : 0,
      bytesPerRequest: requests > 0 ? bytes / requests : null,
      bytesPerMinute: sentSeconds > 0 ? (bytes * 60) / sentSeconds : 0,
    };
  }
  return out;
}

/** Spread of the off windows, (max - min) / median: how much the machine alone moves the display rate. */
export function offSpread(windows: readonly WindowMeasure[]): number | null {
  const fps = windows.filter((w) => w.condition === 'off').map((w) => w.fps);
  const m = median(fps);
  return m ? (Math.max(...fps) - Math.min(...fps)) / m : null;
}
