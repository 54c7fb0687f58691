import type { BudgetChange, RequestedMode } from '../../core/guard/BudgetGuard';
import type { CostWatch, WatchUsage } from '../../core/guard/CostWatch';
import type { BudgetConfig } from '../../core/guard/parseBudget';
import {
  nextRollover,
  othersUsage,
  periodKey,
  type SessionUsage,
  usageStorageKey,
} from '../../core/guard/periodUsage';
import { budgetChangeNotice, type NoticeBody, type NoticeLevel } from '../../core/notice';
import { type BudgetChannel, type StorageLike, UsageLedger } from './UsageLedger';

export type { BudgetChannel, StorageLike } from './UsageLedger';

/** The part of navigator.locks used here, so tests can pass a stand-in. */
export interface LocksLike {
  request(name: string, callback: () => unknown): Promise<unknown>;
}

export interface PeriodBudgetDeps {
  sessionId: string;
  /** Returns the storage, or throws where it is disabled (a SecurityError in some private windows). */
  storage: () => StorageLike;
  channel: BudgetChannel | null;
  locks: LocksLike | null;
  /** The cost watch the session currently enforces with (its guard asks permit()). */
  watch: () => CostWatch | null;
  requested: () => RequestedMode;
  notify: (level: NoticeLevel, notice: NoticeBody) => void;
  /** Storage failed mid-period: the session re-sets the budget with this (session) config. */
  fallback: (config: BudgetConfig) => void;
  now?: () => number;
  /** How often usage is written and the others' re-read when nothing else prompts it. Default 1000 ms. */
  intervalMs?: number;
}

/** A month is longer than setTimeout's 2^31 ms: re-check at least hourly. */
const MAX_TIMER_MS = 3_600_000;

/**
 * A day or month budget shared by every tab of this browser. Each session writes its own usage into one record per
 * entry and period (localStorage), under a Web Lock so no write is lost, and announces it on a BroadcastChannel (and
 * the storage event), so every tab re-prices the others' spend at once. Near the limit, a tab may start an inference
 * only with a permit taken under the same lock, which counts as spent for the others until it is used: two tabs
 * cannot both take the last inference, so the combined spend passes the limit by at most one inference per tab.
 * The period key rolls over by itself at local midnight or month end. Storage that is disabled or full is shown,
 * and the budget falls back to this session alone.
 */
export class PeriodBudget {
  private config: BudgetConfig | null = null;
  private key: string | null = null;
  private period: string | null = null;
  /** This tab may start inferences while its own inference count is below this (see permit). */
  private grantedBelow = 0;
  private claiming = false;
  private again = false;
  private readonly ledger: UsageLedger;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private rollTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;
  private readonly onStorage = (event: StorageEvent) => {
    if (event.key === this.key) this.reprice();
  };

  constructor(private readonly deps: PeriodBudgetDeps) {
    this.now = deps.now ?? (() => Date.now());
    this.ledger = new UsageLedger(deps.storage, deps.channel, deps.sessionId);
    if (deps.channel) deps.channel.onmessage = (event) => this.receive(event.data);
    if (typeof window !== 'undefined') window.addEventListener('storage', this.onStorage);
  }

  /** For BudgetGuard's permit option: whether this tab may start an inference now. */
  readonly permit = (): boolean => {
    if (!this.key) return true;
    const usage = this.deps.watch()?.usage;
    return usage !== undefined && usage.inferences < this.grantedBelow;
  };

  /** The budget the user set, or null: kept in storage so a reload enforces it at once. */
  saved(): unknown {
    return this.ledger.savedBudget();
  }

  /**
   * Starts counting for a (new) budget. Returns the budget to enforce, which is a session budget when a day or month
   * budget cannot be stored (with a warning), and the other sessions' usage of the period.
   */
  begin(config: BudgetConfig | null): { config: BudgetConfig | null; prior: WatchUsage[] } {
    this.release();
    this.config = config;
    this.ledger.saveBudget(config);
    const key = config ? periodKey(config.period, new Date(this.now())) : null;
    if (!config || !key) return { config, prior: [] };
    try {
      const storage = this.deps.storage();
      storage.setItem('segmeter.probe', '1');
      storage.removeItem('segmeter.probe');
    } catch (err) {
      return { config: this.downgrade(config, err), prior: [] };
    }
    this.period = key;
    this.key = usageStorageKey(config.catalogId, key);
    this.grantedBelow = 0;
    this.ledger.forget();
    this.schedule();
    return { config, prior: othersUsage(this.record(), this.deps.sessionId) };
  }

  /** After the cost watch has folded in an event: a settled inference used the permit, so take the next one. */
  observe(ran: boolean): void {
    if (ran && this.key) this.claim();
  }

  /**
   * Writes this session's usage and, unless the combined spend (the others' reserved inferences included) has
   * reached the limit, takes a permit for one more inference: both under the period's lock.
   */
  claim(): void {
    if (!this.key) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = true;
    const run = () => this.claimNow();
    const done = this.deps.locks
      ? this.deps.locks.request(`segmeter-budget:${this.key}`, run)
      : Promise.resolve(run());
    void done
      .catch((err: unknown) => this.fail(err))
      .finally(() => {
        this.claiming = false;
        if (this.again) {
          this.again = false;
          this.claim();
        }
      });
  }

  private claimNow(): void {
    if (this.rolled() || !this.key || !this.config) return;
    const watch = this.deps.watch();
    const guard = watch?.guard;
    if (!watch || !guard) return;
    const now = this.now();
    const record = this.record();
    const spent = watch.spentWith(othersUsage(record, this.deps.sessionId, now));
    const own = watch.usage;
    const grant = spent !== null && !guard.reaches(spent);
    this.write({ ...own, reserved: grant, at: now });
    this.grantedBelow = grant ? own.inferences + 1 : own.inferences;
    this.apply(watch.setPrior(othersUsage(record, this.deps.sessionId), this.deps.requested()));
  }

  /** Stops counting (budget removed or replaced, page closing): the permit is handed back. */
  release(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    if (this.rollTimer !== null) clearTimeout(this.rollTimer);
    this.timer = null;
    this.rollTimer = null;
    const watch = this.deps.watch();
    if (this.key && watch) {
      try {
        this.write({ ...watch.usage, reserved: false, at: this.now() });
      } catch {
        // Leaving anyway: a stale reservation expires by itself.
      }
    }
    this.key = null;
    this.period = null;
  }

  dispose(): void {
    this.release();
    if (typeof window !== 'undefined') window.removeEventListener('storage', this.onStorage);
    this.ledger.close();
  }

  private downgrade(config: BudgetConfig, err: unknown): BudgetConfig {
    const error = err instanceof Error ? err.message : String(err);
    this.deps.notify('warning', {
      code: 'budget-storage-unavailable',
      params: { error, period: config.period },
    });
    this.key = null;
    this.period = null;
    return { ...config, period: 'session' };
  }

  private fail(err: unknown): void {
    if (!this.config || !this.key) return;
    const config = this.downgrade(this.config, err);
    this.release();
    this.config = config;
    this.deps.fallback(config);
  }

  private record(): Map<string, SessionUsage> {
    return this.key ? this.ledger.read(this.key) : new Map();
  }

  private write(usage: SessionUsage): void {
    if (this.key) this.ledger.write(this.key, usage);
  }

  private receive(data: unknown): void {
    if (this.key && this.ledger.hear(data, this.key)) this.reprice();
  }

  /** Another tab spent: re-price at once, and try for a permit if this tab has none. */
  private reprice(): void {
    const watch = this.deps.watch();
    if (!watch || !this.key) return;
    try {
      this.apply(watch.setPrior(othersUsage(this.record(), this.deps.sessionId), this.deps.requested()));
    } catch (err) {
      this.fail(err);
      return;
    }
    // No permit and not at the limit: another tab's reservation may have been used or handed back.
    if (!this.permit() && watch.guard?.state !== 'hard') this.claim();
  }

  private apply(change: BudgetChange | null): void {
    if (change) this.deps.notify(change.level, budgetChangeNotice(change));
  }

  /** Writes usage every interval (minute units grow without inferences) and re-checks the period. */
  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.key) return;
      this.claim();
      this.schedule();
    }, this.deps.intervalMs ?? 1000);
    if (this.rollTimer === null && this.config) {
      const next = nextRollover(this.config.period, new Date(this.now()));
      if (next) {
        const wait = Math.min(MAX_TIMER_MS, Math.max(0, next.getTime() - this.now()));
        this.rollTimer = setTimeout(() => {
          this.rollTimer = null;
          this.rolled();
        }, wait);
      }
    }
  }

  /**
   * Whether the period key changed since the budget began (midnight, month end): then this session's usage so far
   * belongs to the old period, the new period starts from the others' usage in it, and the guard moves back down.
   */
  private rolled(): boolean {
    if (!this.config || !this.period) return false;
    const key = periodKey(this.config.period, new Date(this.now()));
    if (key === null || key === this.period) return false;
    const watch = this.deps.watch();
    this.period = key;
    this.key = usageStorageKey(this.config.catalogId, key);
    this.ledger.forget();
    this.grantedBelow = 0;
    const change = watch?.startPeriod(othersUsage(this.record(), this.deps.sessionId), this.deps.requested());
    this.deps.notify('info', { code: 'budget-period-rolled', params: { period: this.config.period, key } });
    this.apply(change ?? null);
    this.claim();
    return true;
  }
}
