import type { SegmentationMode } from './frameEvent.ts';
import type { AnomalyMetric } from './guard/AnomalyDetector.ts';
import type { BudgetChange, BudgetState } from './guard/BudgetGuard.ts';
import type { BudgetPeriod } from './guard/parseBudget.ts';

export type NoticeLevel = 'info' | 'warning' | 'error';

/**
 * Every notice the app can raise, by code, with the facts it carries: names, counts, amounts as numbers, the
 * messages of underlying errors. The engine and the panels raise them; only the UI turns them into text
 * (src/ui/noticeText.ts), so the engine formats nothing for people.
 */
export interface NoticeParams {
  // Sources
  'camera-denied': Record<string, never>;
  'camera-missing': Record<string, never>;
  'camera-busy': Record<string, never>;
  /** No getUserMedia here (a camera needs https or localhost). */
  'camera-unsupported': Record<string, never>;
  'camera-failed': { error: string };
  'camera-stream-failed': { error: string };
  'camera-lost': Record<string, never>;
  'clip-unplayable': { label: string; error: string };
  /** A source failed in a way no SourceError describes. */
  'source-failed': { error: string };
  // The model
  /** No segmenter could start (the manifest or every runtime failed): the video plays unsegmented. */
  'segmentation-unavailable': { error: string };
  'model-fallback': { error: string; fallback: string };
  'worker-unavailable': { error: string };
  'backend-unavailable': { backend: string };
  /** WebGL failed mid-run (error) or lost its context (error null): now on wasm. */
  'webgl-fallback': { error: string | null };
  'backend-started': { backend: string; remembered: boolean };
  /** The background timing of every backend: model ms, or why a backend could not run. */
  'backend-timed': { timings: Record<string, number | string>; backend: string; switched: boolean };
  'segmentation-stepped-aside': { error: string | null };
  'segmentation-back': Record<string, never>;
  'model-hung': { why: string };
  /** The compositor worker died or stopped answering: the stage is drawn on the main thread from now on. */
  'compositor-fallback': { why: string };
  'cloud-degraded': { reason: string };
  'cloud-recovered': Record<string, never>;
  // Guards (their reasons are data the panels show as well)
  'runaway-tripped': { reason: string };
  'runaway-simulated': Record<string, never>;
  'runaway-reset': Record<string, never>;
  'budget-changed': {
    reason: string;
    from: BudgetState;
    to: BudgetState;
    mode: SegmentationMode;
    spentUSD: number;
    limitUSD: number;
  };
  anomaly: { reason: string; metric: AnomalyMetric; value: number; trailingAverage: number };
  'budget-dropped': { catalogId: string; why: 'missing' | 'unpriced' };
  'budget-restored': { limitUSD: number; period: BudgetPeriod; catalogId: string };
  'budget-not-restored': { errors: string[] };
  'budget-storage-unavailable': { error: string; period: BudgetPeriod };
  'budget-period-rolled': { period: BudgetPeriod; key: string };
  // Raised by the panels
  'policy-rejected': { spec: string; error: string };
  'background-unusable': { name: string; error: string };
  'gate-file-loaded': { file: string };
  'gate-file-rejected': { file: string; errors: string[] };
  'replay-stopped': { error: string };
  'telemetry-failing': { failures: number; error: string | null };
}

export type NoticeCode = keyof NoticeParams;

/** What a notice says, before the session numbers it: `{ code, params }`, discriminated by code. */
export type NoticeBody = { [C in NoticeCode]: { code: C; params: NoticeParams[C] } }[NoticeCode];

export type Notice = NoticeBody & { id: number; level: NoticeLevel };

/** A budget guard's transition as a notice (raised at the change's own level). */
export function budgetChangeNotice(change: BudgetChange): NoticeBody {
  const { reason, from, to, mode, spentUSD, limitUSD } = change;
  return { code: 'budget-changed', params: { reason, from, to, mode, spentUSD, limitUSD } };
}
