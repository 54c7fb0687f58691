import { isBilledFailure } from '../fold/frameTotals';
import { DEFAULT_SOURCE_FPS } from '../fold/sourceFps';
import { type FrameEvent, type InferenceRecord, isSegmentedFrame } from '../frameEvent';
import { frameCostUSD, frameUnits, inferenceUnits } from '../log/frameLog.ts';
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
  /**
   * Usage of the other sessions in the budget's period (a day or month budget), one item per session: each is
   * priced as its own bill (per-session rounding), and the spend is the sum of the bills.
   */
  prior?: readonly WatchUsage[];
  /** This session's own usage before the watch started (a budget set mid-session counts what already ran). */
  own?: WatchUsage;
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
  private prior: readonly WatchUsage[];
  private units = 0;
  private lastFrame = -1;

  constructor(options: CostWatchOptions) {
    if (options.budget && options.budget.catalogId !== options.entry.id)
      throw new RangeError(
        `budget is on "${options.budget.catalogId}" but the entry is "${options.entry.id}"`,
      );
    this.entry = options.entry;
    this.fps = options.fps ?? DEFAULT_SOURCE_FPS;
    this.frameBytes = options.frameBytes ?? 0;
    this.prior = options.prior ?? [];
    this.inferences = options.own?.inferences ?? 0;
    this.activeFrames = options.own?.activeFrames ?? 0;
    this.guard = options.budget ? new BudgetGuard(options.budget, options.budgetOptions) : null;
    this.detector = new AnomalyDetector(options.anomaly);
  }

  /** Spend so far on the entry: this session's bill plus each other session's own bill (null: no public price). */
  get spentUSD(): number | null {
    return this.spentWith(this.prior);
  }

  /** The spend if the other sessions had used `prior` (e.g. counting their reserved inferences). */
  spentWith(prior: readonly WatchUsage[]): number | null {
    let sum = this.bill(this.usage);
    for (const usage of prior) {
      if (sum === null) return null;
      const bill = this.bill(usage);
      sum = bill === null ? null : sum + bill;
    }
    return sum;
  }

  private bill(usage: WatchUsage): number | null {
    return spentUSD(this.entry, usage.inferences, usage.activeFrames / this.fps, 1, this.frameBytes);
  }

  /** The other sessions' usage changed (another tab spent): the guard is re-evaluated at once. */
  setPrior(prior: readonly WatchUsage[], requested: RequestedMode = 'full'): BudgetChange | null {
    this.prior = prior;
    return this.refresh(requested);
  }

  /**
   * A new period began: this session's usage so far belongs to the old one, and `prior` is the new period's. The
   * guard is reconfigured from the new spend (it moves back down if yesterday's spend had paused it).
   */
  startPeriod(prior: readonly WatchUsage[], requested: RequestedMode = 'full'): BudgetChange | null {
    this.prior = prior;
    this.inferences = 0;
    this.activeFrames = 0;
    this.units = 0;
    const spent = this.spentUSD;
    return this.guard && spent !== null ? this.guard.reconfigure(this.guard.config, spent, requested) : null;
  }

  private refresh(requested: RequestedMode): BudgetChange | null {
    const spent = this.spentUSD;
    return this.guard && spent !== null ? this.guard.update(spent, this.lastFrame, requested) : null;
  }

  /** This session's own usage (without the prior), for storing against the budget's period. */
  get usage(): WatchUsage {
    return { inferences: this.inferences, activeFrames: this.activeFrames };
  }

  /**
   * Folds in one settled inference: a failed one (isBilledFailure) was counted when its frame was observed and is
   * reversed now, so the spend (and the guard) step back by one inference. Null when nothing changed.
   */
  settle(record: InferenceRecord, requested: RequestedMode = 'full'): BudgetChange | null {
    if (!isBilledFailure(record) || this.inferences === 0) return null;
    this.inferences--;
    this.units = Math.max(0, this.units - inferenceUnits(this.entry, { frameBytes: this.frameBytes }));
    const spent = this.spentUSD;
    return this.guard && spent !== null ? this.guard.credit(spent, requested) : null;
  }

  /**
   * Folds in one event. `requested` is what the user asked for (the guard may override it); by default read from
   * the event: 'max-quality' stays max quality, anything else asks for 'full'.
   */
  observe(event: FrameEvent, requested?: RequestedMode): CostWatchResult {
    this.lastFrame = Math.max(this.lastFrame, event.frame);
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
