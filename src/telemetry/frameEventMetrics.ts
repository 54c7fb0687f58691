import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import {
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
} from '@opentelemetry/semantic-conventions/incubating';
import type { FrameTotals } from '../core/fold/frameTotals';
import type { FrameEvent, GateReason, InferenceRecord, SegmentationMode } from '../core/frameEvent';
import type { BudgetState } from '../core/guard/BudgetGuard';
import type { CatalogEntry } from '../core/pricing/catalogSchema';
import { priceSession } from '../core/pricing/priceSession';
import type { MetricKey } from './metricDefinitions';

export type MetricAttributes = Record<string, string>;

/** One value for one instrument: an increment (counter), a sample (histogram) or a reading (observed, gauge). */
export interface MetricPoint {
  metric: MetricKey;
  value: number;
  attributes: MetricAttributes;
}

/** The gate asked for an inference and something refused it (not a plain skip: the gate did not want one). */
const REFUSED: ReadonlySet<GateReason> = new Set(['busy', 'budget', 'cost-saver', 'runaway', 'throttled']);
/** gen_ai.operation.name of an inference: segmenting a person out of a frame. */
export const OPERATION_NAME = 'segmentation';

/**
 * What one FrameEvent adds to the exported metrics. Pure: the browser's live session and the CLI's event list feed
 * the same events through it, so both export the same numbers as the FrameEvent totals (store.totals):
 * a frame for every event but a duplicate (an extra inference on a frame already logged), an inference for every
 * event that ran (duplicates included: they are billed), a refusal where the gate asked and was refused, and the
 * inference's end-to-end latency (seconds, per the convention) where it settled.
 */
export function frameEventMetrics(e: FrameEvent): MetricPoint[] {
  // Timings and failures arrive later, with the inference's own record (inferenceMetrics).
  const points: MetricPoint[] = [];
  if (e.reason !== 'duplicate') {
    points.push({
      metric: 'frames',
      value: 1,
      attributes: { 'segmeter.source': e.source, 'segmeter.mode': e.mode },
    });
  }
  if (e.ran) {
    const attributes: MetricAttributes = {
      'segmeter.reason': e.reason,
      [ATTR_GEN_AI_REQUEST_MODEL]: e.model,
    };
    points.push({ metric: 'inferences', value: 1, attributes });
  } else if (REFUSED.has(e.reason)) {
    points.push({ metric: 'refused', value: 1, attributes: { 'segmeter.reason': e.reason } });
  }
  return points;
}

/**
 * What one settled inference adds: its end-to-end duration (seconds, per the GenAI convention), with `error.type`
 * when it failed (the duration is then the time until it failed, where known). Staleness checks are not exported.
 */
export function inferenceMetrics(r: InferenceRecord, model: string): MetricPoint[] {
  if (r.kind === 'shadow') return [];
  const attributes: MetricAttributes = {
    [ATTR_GEN_AI_OPERATION_NAME]: OPERATION_NAME,
    [ATTR_GEN_AI_REQUEST_MODEL]: model,
  };
  if (r.error !== undefined) attributes[ATTR_ERROR_TYPE] = 'inference_failed';
  if (r.latencyMs === null) return r.error === undefined ? [] : [{ metric: 'errors', value: 1, attributes }];
  const points: MetricPoint[] = [{ metric: 'duration', value: r.latencyMs / 1000, attributes }];
  if (r.error !== undefined) points.push({ metric: 'errors', value: 1, attributes });
  return points;
}

/** What the cost panel prices a live session with: its selected entries, the stream's frame rate, frame bytes. */
export interface PricingInput {
  entries: readonly CatalogEntry[];
  /** Source frame rate: the stream lasted frames / fps seconds (minute-priced entries). */
  fps: number;
  /** Bytes each inferred frame would upload (GB-priced entries). */
  frameBytes: number;
}

/** The session's state that is read at each collection rather than counted per event. */
export interface SessionReading {
  totals: Pick<FrameTotals, 'frames' | 'inferences'>;
  pricing: PricingInput;
  mode: SegmentationMode | null;
  policy: string;
  budget: BudgetState | null;
  /** Expected inferences per minute (core/guard/expectedInferenceRate) for the recent frames; null when unknown. */
  expectedPerMinute: number | null;
}

const MODES: readonly SegmentationMode[] = ['full', 'reduced', 'paused', 'max-quality'];
const BUDGET_STATES: readonly BudgetState[] = ['ok', 'soft', 'hard'];

/**
 * As-if cost of the session so far per priced entry, exactly as the cost panel computes it (priceSession over the
 * session's frames and inferences, one session, this month's first usage). Entries with no public price are left out.
 */
export function asIfCostUSD(
  totals: Pick<FrameTotals, 'frames' | 'inferences'>,
  pricing: PricingInput,
): Record<string, number> {
  const out: Record<string, number> = {};
  const prices = priceSession(pricing.entries, {
    frames: totals.frames,
    inferences: totals.inferences,
    durationSeconds: pricing.fps > 0 ? totals.frames / pricing.fps : 0,
    sessions: 1,
    frameBytes: pricing.frameBytes,
  });
  for (const p of prices) if (p.ranUSD !== null) out[p.id] = p.ranUSD;
  return out;
}

/**
 * The readings taken at each collection: the as-if cost per entry (the session's cumulative total), the skip ratio,
 * the mode and the budget state.
 */
export function sessionReadings(r: SessionReading): MetricPoint[] {
  const points: MetricPoint[] = [];
  for (const [id, usd] of Object.entries(asIfCostUSD(r.totals, r.pricing))) {
    points.push({
      metric: 'cost',
      value: usd,
      attributes: { 'segmeter.entry.id': id },
    });
  }
  if (r.totals.frames > 0) {
    points.push({ metric: 'skipRatio', value: 1 - r.totals.inferences / r.totals.frames, attributes: {} });
  }
  if (r.expectedPerMinute !== null && Number.isFinite(r.expectedPerMinute)) {
    points.push({ metric: 'expectedRate', value: r.expectedPerMinute, attributes: {} });
  }
  if (r.mode !== null) {
    for (const mode of MODES) {
      const value = mode === r.mode ? 1 : 0;
      points.push({
        metric: 'gateMode',
        value,
        attributes: { 'segmeter.mode': mode, 'segmeter.policy': r.policy },
      });
    }
  }
  if (r.budget !== null) {
    for (const state of BUDGET_STATES) {
      points.push({
        metric: 'budgetState',
        value: state === r.budget ? 1 : 0,
        attributes: { 'segmeter.budget.state': state },
      });
    }
  }
  return points;
}
