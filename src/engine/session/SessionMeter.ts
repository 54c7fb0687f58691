import type { FrameEventStore } from '../../core/fold/FrameEventStore';
import { liveStats } from '../../core/fold/liveStats';
import { streamSeconds } from '../../core/fold/sourceFps';
import type { FrameEvent } from '../../core/frameEvent';
import type { AnomalyAlert } from '../../core/guard/AnomalyDetector';
import { CostWatch, type WatchUsage } from '../../core/guard/CostWatch';
import type { BudgetConfigInput } from '../../core/guard/parseBudget';
import { periodKey, priorUsage, usageStorageKey, withOwnUsage } from '../../core/guard/periodUsage';
import { type Catalog, type CatalogEntry, isPriced } from '../../core/pricing/catalogSchema';
import { loadDefaultCatalog } from '../../core/pricing/defaultCatalog';
import { priceSession } from '../../core/pricing/priceSession';
import type { SessionReading } from './SessionBroadcast';

export interface SessionMeterHost {
  store: FrameEventStore;
  sessionId: string;
  /** The source's frame rate now (null: not known yet). */
  sourceFps(): number | null;
  /** The cost watch changed (a budget set, raised or dropped): the pipeline's guard follows it. */
  onWatch(watch: CostWatch | null): void;
  notify(level: 'info' | 'warning' | 'error', text: string): void;
}

/**
 * The meter beside the engine: watches the FrameEvent stream with the budget guard and the anomaly detector, keeps a
 * day or month budget's usage in localStorage (one record per session), and reads this tab's priced totals out for
 * the cross-tab aggregate. The engine itself knows no prices; it only asks the guard whether an inference may start.
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
  /** Where this session's usage is stored for a day or month budget; null for a session budget. */
  private usageKey: string | null = null;

  constructor(private readonly host: SessionMeterHost) {
    this.start(null);
    host.store.subscribe((event) => this.observe(event));
  }

  /** The entry the watch prices: the budget's, else the first priced per-image entry (for anomaly alerts). */
  private watchedEntry(catalogId?: string): CatalogEntry | undefined {
    const priced = this.catalog.filter(isPriced);
    return priced.find((e) => e.id === catalogId) ?? priced.find((e) => e.unit === 'image') ?? priced[0];
  }

  /**
   * Starts a fresh watch over the events from now on. What this session already used counts against a new budget,
   * from the store's totals (exact for the whole session, however much of the window has been dropped).
   */
  private start(budget: BudgetConfigInput | null, period?: WatchUsage): void {
    const entry = this.watchedEntry(budget?.catalogId);
    const totals = this.host.store.totals;
    const prior: WatchUsage = {
      inferences: (period?.inferences ?? 0) + totals.inferences,
      activeFrames: (period?.activeFrames ?? 0) + totals.segmentedFrames,
    };
    this.watch = entry
      ? new CostWatch({ entry, budget: budget ?? undefined, fps: this.host.sourceFps() ?? undefined, prior })
      : null;
    this.host.onWatch(this.watch);
  }

  private observe(event: FrameEvent): void {
    const result = this.watch?.observe(event);
    if (!result) return;
    if (result.budget) this.host.notify(result.budget.level, result.budget.reason);
    if (result.alerts.length > 0) {
      this.alerts = [...this.alerts, ...result.alerts].slice(-20);
      // One notice per 10 s at most: a burst of motion should not bury the other messages.
      if (event.ts - this.lastAlertNotice > 10_000) {
        this.lastAlertNotice = event.ts;
        this.host.notify('warning', `Anomaly: ${result.alerts[0].reason}`);
      }
    }
  }

  /**
   * Sets (or replaces) the budget on one catalog entry; null removes it. A day or month budget also counts what
   * this browser's other sessions of the same period used (kept in localStorage, one record per session).
   */
  setBudget(config: BudgetConfigInput | null): void {
    this.usageKey = null;
    let period: WatchUsage | undefined;
    const key = config?.period ? periodKey(config.period, new Date()) : null;
    if (config && key) {
      this.usageKey = usageStorageKey(config.catalogId, key);
      period = priorUsage(this.storage('get', this.usageKey), this.host.sessionId);
    }
    this.start(config, period);
    this.persistUsage();
  }

  raiseBudget(limitUSD: number, maxQuality: boolean): void {
    const change = this.watch?.guard?.raise(limitUSD, maxQuality ? 'max-quality' : 'full');
    if (change) this.host.notify(change.level, change.reason);
  }

  /** The cost panel's catalog (after edits or an import); a budget keeps its entry if it is still there. */
  setCatalog(catalog: Catalog, selectedIds: string[] = this.selectedIds): void {
    this.selectedIds = selectedIds;
    if (catalog === this.catalog) return;
    this.catalog = catalog;
    this.setBudget(this.watch?.guard?.config ?? null);
  }

  /** Stores this session's usage against the budget's period, so the next session of the period counts it. */
  persistUsage(): void {
    if (!this.usageKey || !this.watch) return;
    // The whole session's usage, from the store's totals (the watch itself only saw events since it started).
    const totals = this.host.store.totals;
    const own = { inferences: totals.inferences, activeFrames: totals.segmentedFrames };
    this.storage(
      'set',
      this.usageKey,
      withOwnUsage(this.storage('get', this.usageKey), this.host.sessionId, own),
    );
  }

  /** localStorage that never throws (private windows, quotas): a budget then counts this session only. */
  private storage(op: 'get' | 'set', key: string, value = ''): string | null {
    try {
      if (op === 'get') return localStorage.getItem(key);
      localStorage.setItem(key, value);
    } catch {
      // Not available: nothing to carry across sessions.
    }
    return null;
  }

  /** This tab's counts for the cross-tab aggregate (BroadcastChannel). */
  reading(): SessionReading {
    this.persistUsage();
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
}
