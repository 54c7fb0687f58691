import type { FrameEventStore } from '../../core/fold/FrameEventStore';
import { isBilledFailure } from '../../core/fold/frameTotals';
import { liveStats } from '../../core/fold/liveStats';
import { streamSeconds } from '../../core/fold/sourceFps';
import type { FrameEvent, InferenceRecord } from '../../core/frameEvent';
import type { AnomalyAlert } from '../../core/guard/AnomalyDetector';
import { budgetAfterCatalog } from '../../core/guard/budgetAfterCatalog';
import { CostWatch, type WatchUsage } from '../../core/guard/CostWatch';
import { type BudgetConfigInput, DEFAULT_SOFT_AT } from '../../core/guard/parseBudget';
import { budgetChangeNotice, type NoticeBody, type NoticeLevel } from '../../core/notice';
import { type Catalog, type CatalogEntry, isPriced } from '../../core/pricing/catalogSchema';
import { loadDefaultCatalog } from '../../core/pricing/defaultCatalog';
import { priceSession } from '../../core/pricing/priceSession';
import type { PeriodBudget } from '../budget/PeriodBudget';
import { createPeriodBudget, restoreBudget } from '../budget/sessionBudget';
import type { SessionReading } from './SessionBroadcast';

export interface SessionMeterHost {
  store: FrameEventStore;
  sessionId: string;
  /** The source's frame rate now (null: not known yet). */
  sourceFps(): number | null;
  /** The user asked for max quality (a budget's cost-saver may still refuse it; its hard limit always does). */
  maxQuality(): boolean;
  /** The cost watch changed (a budget set, raised or dropped): the pipeline's guard follows it. */
  onWatch(watch: CostWatch | null): void;
  notify(level: NoticeLevel, notice: NoticeBody): void;
}

/**
 * The meter beside the engine: watches the FrameEvent stream with the budget guard and the anomaly detector, shares
 * a day or month budget with this browser's other tabs (PeriodBudget: storage, channel, locks, rollover), keeps the
 * budget itself across reloads, and reads this tab's priced totals out for the cross-tab aggregate. The engine knows
 * no prices; it only asks the guard whether an inference may start.
 */
export class SessionMeter {
  /** The catalog costs are priced from (the cost panel's, once it has edited it). */
  catalog: Catalog = loadDefaultCatalog();
  /** The catalog entries the cost panel compares; the log and metrics price frames for these. */
  selectedIds: string[] = [];
  /** Anomaly alerts so far, newest last (at most 20). */
  alerts: AnomalyAlert[] = [];
  watch: CostWatch | null = null;
  private lastAlertNotice = 0;
  private readonly period: PeriodBudget;

  constructor(private readonly host: SessionMeterHost) {
    const budgetHost = {
      sessionId: host.sessionId,
      watch: () => this.watch,
      maxQuality: () => host.maxQuality(),
      get catalog() {
        return meter.catalog;
      },
      notify: host.notify,
      setBudget: (config: BudgetConfigInput | null) => this.setBudget(config),
    };
    const meter = this;
    this.period = createPeriodBudget(budgetHost);
    this.start(null);
    restoreBudget(budgetHost, this.period);
    host.store.subscribe((event) => this.observe(event));
    host.store.subscribeInferences((record) => this.settle(record));
  }

  /** The entry the watch prices: the budget's, else the first priced per-image entry (for anomaly alerts). */
  private watchedEntry(catalogId?: string): CatalogEntry | undefined {
    const priced = this.catalog.filter(isPriced);
    return priced.find((e) => e.id === catalogId) ?? priced.find((e) => e.unit === 'image') ?? priced[0];
  }

  /**
   * Starts a fresh watch over the events from now on. What this session already used counts against a new budget,
   * from the store's totals (exact for the whole session, however much of the window has been dropped); `prior` is
   * each other session of the period, each priced as its own bill.
   */
  private start(budget: BudgetConfigInput | null, prior?: WatchUsage[]): void {
    const entry = this.watchedEntry(budget?.catalogId);
    const totals = this.host.store.totals;
    const own: WatchUsage = { inferences: totals.inferences, activeFrames: totals.segmentedFrames };
    const budgetOptions = { permit: this.period.permit };
    const fps = this.host.sourceFps() ?? undefined;
    this.watch = entry
      ? new CostWatch({ entry, budget: budget ?? undefined, budgetOptions, fps, prior, own })
      : null;
    this.host.onWatch(this.watch);
  }

  private observe(event: FrameEvent): void {
    const result = this.watch?.observe(event);
    if (!result) return;
    if (result.budget) this.host.notify(result.budget.level, budgetChangeNotice(result.budget));
    this.period.observe(event.ran);
    if (result.alerts.length > 0) {
      this.alerts = [...this.alerts, ...result.alerts].slice(-20);
      // One notice per 10 s at most: a burst of motion should not bury the other messages.
      if (event.ts - this.lastAlertNotice > 10_000) {
        this.lastAlertNotice = event.ts;
        const { reason, metric, value, trailingAverage } = result.alerts[0];
        this.host.notify('warning', { code: 'anomaly', params: { reason, metric, value, trailingAverage } });
      }
    }
  }

  /** A failed inference is not billed: the watch takes it back, and the period's ledger hears the lower spend. */
  private settle(record: InferenceRecord): void {
    if (!this.watch || !isBilledFailure(record)) return;
    const change = this.watch.settle(record, this.host.maxQuality() ? 'max-quality' : 'full');
    if (change) this.host.notify(change.level, budgetChangeNotice(change));
    this.period.claim();
  }

  /**
   * Sets (or replaces) the budget on one catalog entry; null removes it. The budget is kept in storage (a reload
   * enforces it at once); a day or month budget also counts this browser's other sessions of the period.
   */
  setBudget(config: BudgetConfigInput | null): void {
    const begun = this.period.begin(config && { softAt: DEFAULT_SOFT_AT, period: 'session', ...config });
    this.start(begun.config, begun.prior);
    this.period.claim();
  }

  raiseBudget(limitUSD: number, maxQuality: boolean): void {
    const change = this.watch?.guard?.raise(limitUSD, maxQuality ? 'max-quality' : 'full');
    if (change) this.host.notify(change.level, budgetChangeNotice(change));
  }

  /**
   * The cost panel's catalog (after edits or an import). A budget whose entry is gone (or lost its price) is
   * dropped with a notice, never left to fail later.
   */
  setCatalog(catalog: Catalog, selectedIds: string[] = this.selectedIds): void {
    this.selectedIds = selectedIds;
    if (catalog === this.catalog) return;
    this.catalog = catalog;
    const kept = budgetAfterCatalog(this.watch?.guard?.config ?? null, catalog);
    if (kept.dropped) this.host.notify('warning', { code: 'budget-dropped', params: kept.dropped });
    this.setBudget(kept.config);
  }

  /** This tab's counts for the cross-tab aggregate (BroadcastChannel). */
  reading(): SessionReading {
    const { store } = this.host;
    const totals = store.totals;
    const stats = liveStats(store.events, store.inferences, Date.now(), 10_000);
    const costUSD: Record<string, number> = {};
    const prices = priceSession(this.catalog.filter(isPriced), {
      frames: totals.frames,
      inferences: totals.inferences,
      durationSeconds: streamSeconds(totals.frames, this.host.sourceFps()),
      sessions: 1,
      frameBytes: 0,
    });
    for (const p of prices) if (p.ranUSD !== null) costUSD[p.id] = p.ranUSD;
    return {
      frames: totals.frames,
      inferences: totals.inferences,
      costUSD,
      inferencesPerMinute: stats.inferenceFps * 60,
    };
  }

  dispose(): void {
    this.period.dispose();
  }
}
