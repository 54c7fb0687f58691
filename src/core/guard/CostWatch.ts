import { DEFAULT_SOURCE_FPS } from '../fold/sourceFps';
import { type FrameEvent, isSegmentedFrame } from '../frameEvent';
import { frameCostUSD, frameUnits } from '../log/frameLog.ts';
import type { CatalogEntry } from '../pricing/catalogSchema.ts';
import { type AnomalyAlert, AnomalyDetector, type AnomalyDetectorOptions } from './AnomalyDetector.ts';
import {
  type BudgetChange,
  BudgetGuard,
  type BudgetGuardOptions,
  type RequestedMode,
} from './BudgetGuard.ts';
import type { BudgetConfigInput } from './parseBudget.ts';
import { spentUSD } from './spentUSD.ts';

export interface CostWatchOptions {
  /** The entry the budget is on and whose cost per minute the anomaly detector watches. */
  entry: CatalogEntry;
  /** Omit for anomaly alerts without a budget. Its catalogId must be entry.id. */
  budget?: BudgetConfigInput;
  budgetOptions?: BudgetGuardOptions;
  anomaly?: AnomalyDetectorOptions;
  /** Source frame rate, for minute units. Default 30. */
  fps?: number;
  /** Bytes per inferred frame, for GB units. Default 0. */
  frameBytes?: number;
  /** Usage of earlier sessions in the budget's period (a day or month budget), counted into the spend. */
  prior?: WatchUsage;
}

/** What the spend is priced from: inferences, and frames of segmented stream (for minute units). */
export interface WatchUsage {
  inferences: number;
  activeFrames: number;
}

export interface CostWatchResult {
  budget: BudgetChange | null;
  alerts: AnomalyAlert[];
}

/**
 * The glue between the FrameEvent stream and the guards, the same live and in the bench: feed it every event as it
 * is appended (FrameEventStore.subscribe) and act on what it returns. It keeps the counts the spend is priced from
 * (inferences, and stream time while segmentation is active, for minute units), prices the spend with spentUSD for
 * the BudgetGuard, and each frame's marginal cost (frameCostUSD at its tier position) for the AnomalyDetector.
 */
export class CostWatch {
  readonly guard: BudgetGuard | null;
  readonly detector: AnomalyDetector;
  private readonly entry: CatalogEntry;
  private readonly fps: number;
  private readonly frameBytes: number;
  private inferences = 0;
  private activeFrames = 0;
  private readonly prior: WatchUsage;
  private units = 0;

  constructor(options: CostWatchOptions) {
    if (options.budget && options.budget.catalogId !== options.entry.id)
      throw new RangeError(
        `budget is on "${options.budget.catalogId}" but the entry is "${options.entry.id}"`,
      );
    this.entry = options.entry;
    this.fps = options.fps ?? DEFAULT_SOURCE_FPS;
    this.frameBytes = options.frameBytes ?? 0;
    this.prior = options.prior ?? { inferences: 0, activeFrames: 0 };
    this.guard = options.budget ? new BudgetGuard(options.budget, options.budgetOptions) : null;
    this.detector = new AnomalyDetector(options.anomaly);
  }

  /** Spend so far on the entry (null: no public price). */
  get spentUSD(): number | null {
    const inferences = this.prior.inferences + this.inferences;
    const seconds = (this.prior.activeFrames + this.activeFrames) / this.fps;
    return spentUSD(this.entry, inferences, seconds, 1, this.frameBytes);
  }

  /** This session's own usage (without the prior), for storing against the budget's period. */
  get usage(): WatchUsage {
    return { inferences: this.inferences, activeFrames: this.activeFrames };
  }

  /**
   * Folds in one event. `requested` is what the user asked for (the guard may override it); by default read from
   * the event: 'max-quality' stays max quality, anything else asks for 'full'.
   */
  observe(event: FrameEvent, requested?: RequestedMode): CostWatchResult {
    if (event.ran) this.inferences++;
    if (isSegmentedFrame(event)) this.activeFrames++;
    const options = { fps: this.fps, frameBytes: this.frameBytes };
    const cost = frameCostUSD(this.entry, event, { ...options, priorUnits: this.units }) ?? 0;
    this.units += frameUnits(this.entry, event, options);
    const alerts = this.detector.observe(event, cost);
    const spent = this.spentUSD;
    const budget =
      this.guard && spent !== null
        ? this.guard.update(
            spent,
            event.frame,
            requested ?? (event.mode === 'max-quality' ? 'max-quality' : 'full'),
          )
        : null;
    return { budget, alerts };
  }
}
