import type { FrameEvent, SegmentationMode } from '../frameEvent';
import { formatUSD } from '../pricing/formatUSD.ts';
import { type BudgetConfig, type BudgetConfigInput, DEFAULT_SOFT_AT } from './parseBudget.ts';

/** ok: under the soft limit; soft: alert + cost-saver mode; hard: no more inferences. */
export type BudgetState = 'ok' | 'soft' | 'hard';
/** What the user asked for; the guard may override it with 'reduced' or 'paused'. */
export type RequestedMode = 'full' | 'max-quality';

/** One transition of the budget state, logged as `segmentation_mode: <mode> (<why>)`. */
export interface BudgetChange {
  from: BudgetState;
  to: BudgetState;
  /** The segmentation mode that applies from the next frame on. */
  mode: SegmentationMode;
  /** For LiveSession.notify: warning at soft, error at hard, info when moving back down. */
  level: 'info' | 'warning' | 'error';
  /** E.g. "segmentation_mode: reduced (80% of $0.50 budget for aws-rekognition-image-group2 spent)". */
  reason: string;
  /** The frame whose event moved the spend (or the last frame seen, for a raise or a reconfiguration). */
  frame: number;
  spentUSD: number;
  limitUSD: number;
}

/** What the budget panel shows, taken on the snapshot tick. */
export interface BudgetView {
  config: BudgetConfig;
  state: BudgetState;
  spentUSD: number;
  /** spent / limit; can pass 1 (an inference in flight when the limit was hit still settles and is billed). */
  fraction: number;
  lastChange: BudgetChange | null;
  changes: readonly BudgetChange[];
}

/** The bench's `"budget"` member. Null members where the state was never reached. */
export interface BudgetSummary {
  softAtFrame: number | null;
  hardAtFrame: number | null;
  /** Spend when the hard limit was reached (it can exceed the limit by one inference's price). */
  costAtHardUSD: number | null;
  /** Inferences started on frames after the hard limit was reached and before any raise: must be 0. */
  inferencesAfterHard: number;
}

export interface BudgetGuardOptions {
  /**
   * Cost-saver cap on the inference rate in the soft state: at least this much stream time between inferences
   * (0.5 s = at most 2 inferences/s, against the gate's up to 30/s). Max quality is exempt until the hard limit.
   */
  costSaverIntervalS?: number;
  /**
   * A shared permit (a day or month budget spent by several tabs): when it returns false no inference may start,
   * whatever the state, until the permit is granted again. Default: always granted.
   */
  permit?: () => boolean;
}

const RANK: Record<BudgetState, number> = { ok: 0, soft: 1, hard: 2 };
/** Spend is summed from tier bands, so 0.5 can come out as 0.49999999999: compare money to 1e-9 relative. */
const EPSILON = 1e-9;

function percent(fraction: number): string {
  return `${Math.floor(fraction * 100 + 1e-6)}%`;
}

/**
 * The budget state machine for one catalog entry: ok -> soft (at softAt x limit: an alert and the cost-saver mode
 * 'reduced') -> hard (at the limit: 'paused', no more inferences). Spend only grows within a session, so the state
 * only moves up on its own; it moves back down only when the limit is raised (or the budget reconfigured). Max
 * quality keeps running through the soft state but cannot pass the hard limit.
 *
 * Pure and synchronous: the caller feeds it the spend after every FrameEvent (spentUSD of the same entry) and
 * applies the mode it returns; the guard never touches the engine.
 */
export class BudgetGuard {
  private cfg: BudgetConfig;
  private current: BudgetState = 'ok';
  private spent = 0;
  private lastFrame = -1;
  private readonly history: BudgetChange[] = [];
  private readonly costSaverIntervalS: number;
  private readonly permit: () => boolean;

  constructor(config: BudgetConfigInput, options: BudgetGuardOptions = {}) {
    this.cfg = BudgetGuard.check(config);
    this.costSaverIntervalS = options.costSaverIntervalS ?? 0.5;
    this.permit = options.permit ?? (() => true);
  }

  private static check(config: BudgetConfigInput): BudgetConfig {
    const softAt = config.softAt ?? DEFAULT_SOFT_AT;
    if (!(config.limitUSD > 0) || !Number.isFinite(config.limitUSD))
      throw new RangeError(`limitUSD must be a number > 0, got ${config.limitUSD}`);
    if (!(softAt > 0 && softAt <= 1)) throw new RangeError(`softAt must be in (0, 1], got ${softAt}`);
    return {
      catalogId: config.catalogId,
      limitUSD: config.limitUSD,
      softAt,
      period: config.period ?? 'session',
    };
  }

  get config(): BudgetConfig {
    return this.cfg;
  }

  get state(): BudgetState {
    return this.current;
  }

  get spentUSD(): number {
    return this.spent;
  }

  get changes(): readonly BudgetChange[] {
    return this.history;
  }

  /** The mode that applies in the current state for what the user asked for. */
  mode(requested: RequestedMode = 'full'): SegmentationMode {
    if (this.current === 'hard') return 'paused';
    if (this.current === 'soft') return requested === 'max-quality' ? 'max-quality' : 'reduced';
    return requested;
  }

  /** False at the hard limit, whatever the mode: the last mask stays in use. */
  allowsInference(): boolean {
    return this.current !== 'hard';
  }

  /**
   * Whether the gate may start an inference now. Hard: never. Soft: max quality always, otherwise only once the
   * cost-saver interval of stream time has passed since the last inference (null = none yet).
   */
  allows(maxQuality: boolean, secondsSinceLastInference: number | null): boolean {
    if (this.current === 'hard' || !this.permit()) return false;
    if (this.current === 'ok' || maxQuality) return true;
    return secondsSinceLastInference === null || secondsSinceLastInference >= this.costSaverIntervalS - 1e-9;
  }

  /** Whether this spend is at the hard limit (the same comparison the state machine makes). */
  reaches(spentUSD: number): boolean {
    return this.stateFor(spentUSD) === 'hard';
  }

  /** Why allows() said no: the budget (hard limit, or no shared permit) or the cost-saver rate cap. */
  refusedAs(): 'budget' | 'cost-saver' {
    return this.current === 'hard' || !this.permit() ? 'budget' : 'cost-saver';
  }

  /** Feed the spend after the FrameEvent of `frame`; returns the change it caused, or null. */
  update(spentUSD: number, frame: number, requested: RequestedMode = 'full'): BudgetChange | null {
    this.spent = Math.max(this.spent, spentUSD);
    this.lastFrame = Math.max(this.lastFrame, frame);
    return this.move(this.stateFor(this.spent), frame, requested, null);
  }

  /**
   * The spend after a failed inference was taken back (failures are not billed): the spend may step down, and the
   * state with it (a failure that had tipped the hard limit no longer holds it).
   */
  credit(spentUSD: number, requested: RequestedMode = 'full'): BudgetChange | null {
    this.spent = spentUSD;
    return this.move(this.stateFor(this.spent), this.lastFrame, requested, null);
  }

  /** A new limit (the "Raise budget" button): may move the state back down, or up if it was lowered. */
  raise(limitUSD: number, requested: RequestedMode = 'full'): BudgetChange | null {
    const why = limitUSD >= this.cfg.limitUSD ? 'raised' : 'lowered';
    this.cfg = BudgetGuard.check({ ...this.cfg, limitUSD });
    return this.move(this.stateFor(this.spent), this.lastFrame, requested, why);
  }

  /**
   * A different entry, limit or soft share. The spend is re-supplied because it depends on the entry; the state is
   * re-evaluated from it (so this may move either way).
   */
  reconfigure(
    config: BudgetConfigInput,
    spentUSD: number,
    requested: RequestedMode = 'full',
  ): BudgetChange | null {
    this.cfg = BudgetGuard.check(config);
    this.spent = spentUSD;
    return this.move(this.stateFor(spentUSD), this.lastFrame, requested, 'reconfigured');
  }

  view(): BudgetView {
    return {
      config: this.cfg,
      state: this.current,
      spentUSD: this.spent,
      fraction: this.spent / this.cfg.limitUSD,
      lastChange: this.history.at(-1) ?? null,
      changes: this.history,
    };
  }

  /** The bench's summary. `events` are the session's FrameEvents (any order). */
  summary(events: Iterable<FrameEvent>): BudgetSummary {
    const soft = this.history.find((c) => RANK[c.to] >= RANK.soft) ?? null;
    const hard = this.history.find((c) => c.to === 'hard') ?? null;
    let inferencesAfterHard = 0;
    if (hard) {
      for (const e of events) {
        if (e.ran && this.stateAfter(e.frame) === 'hard') inferencesAfterHard++;
      }
    }
    return {
      softAtFrame: soft?.frame ?? null,
      hardAtFrame: hard?.frame ?? null,
      costAtHardUSD: hard?.spentUSD ?? null,
      inferencesAfterHard,
    };
  }

  /** The state that governed the gate's decision on `frame`: set by the last change on an earlier frame. */
  private stateAfter(frame: number): BudgetState {
    let state: BudgetState = 'ok';
    for (const c of this.history) {
      if (c.frame < frame) state = c.to;
    }
    return state;
  }

  private stateFor(spent: number): BudgetState {
    const { limitUSD, softAt } = this.cfg;
    if (spent >= limitUSD * (1 - EPSILON)) return 'hard';
    if (spent >= softAt * limitUSD * (1 - EPSILON)) return 'soft';
    return 'ok';
  }

  private move(
    to: BudgetState,
    frame: number,
    requested: RequestedMode,
    why: 'raised' | 'lowered' | 'reconfigured' | null,
  ): BudgetChange | null {
    const from = this.current;
    if (to === from) return null;
    this.current = to;
    const mode = this.mode(requested);
    const { catalogId, limitUSD } = this.cfg;
    const budget = `${formatUSD(limitUSD)} budget for ${catalogId}`;
    const spentShare = percent(this.spent / limitUSD);
    let detail: string;
    if (why) {
      detail = `budget ${why} to ${budget}, ${spentShare} spent`;
    } else if (to === 'hard') {
      detail = `Segmentation paused: budget reached, ${spentShare} of ${budget} spent`;
    } else {
      detail = `${spentShare} of ${budget} spent`;
      if (mode === 'max-quality') detail += '; max quality kept until the hard limit';
    }
    const change: BudgetChange = {
      from,
      to,
      mode,
      level: RANK[to] < RANK[from] ? 'info' : to === 'hard' ? 'error' : 'warning',
      reason: `segmentation_mode: ${mode} (${detail})`,
      frame,
      spentUSD: this.spent,
      limitUSD,
    };
    this.history.push(change);
    return change;
  }
}
