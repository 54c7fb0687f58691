import type { BudgetConfig } from '../../core/guard/parseBudget';
import { BUDGET_STORAGE_KEY, parseUsageRecord, type SessionUsage } from '../../core/guard/periodUsage';

/** The parts of localStorage and BroadcastChannel used here, so tests can pass stand-ins. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}
export interface BudgetChannel {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

interface UsageMessage {
  type: 'usage';
  key: string;
  sessionId: string;
  usage: SessionUsage;
}

/**
 * Every session's usage of one period, as this tab knows it: the stored record (one member per session), updated by
 * anything newer heard on the channel (a message can arrive before the storage write shows in this tab). Also keeps
 * the budget itself. Storage errors are thrown to the caller, which falls back to a session budget.
 */
export class UsageLedger {
  private readonly known = new Map<string, SessionUsage>();
  /** What this tab last announced, so an unchanged record is not announced again (no echo between tabs). */
  private announced = '';

  constructor(
    private readonly storage: () => StorageLike,
    private readonly channel: BudgetChannel | null,
    private readonly sessionId: string,
  ) {}

  read(key: string): Map<string, SessionUsage> {
    const record = parseUsageRecord(this.storage().getItem(key));
    for (const [id, usage] of this.known) {
      const stored = record.get(id);
      if (!stored || stored.at < usage.at) record.set(id, usage);
    }
    return record;
  }

  /** Writes this session's member and announces it when it changed. */
  write(key: string, usage: SessionUsage): void {
    const record = this.read(key);
    record.set(this.sessionId, usage);
    this.storage().setItem(key, JSON.stringify(Object.fromEntries(record)));
    const content = `${key}:${usage.inferences}:${usage.activeFrames}:${usage.reserved}`;
    if (content === this.announced) return;
    this.announced = content;
    const message: UsageMessage = { type: 'usage', key, sessionId: this.sessionId, usage };
    this.channel?.postMessage(message);
  }

  /** Folds in another tab's announcement for `key`; true when it was one. */
  hear(data: unknown, key: string): boolean {
    const m = data as Partial<UsageMessage> | null;
    if (m?.type !== 'usage' || m.key !== key || typeof m.sessionId !== 'string') return false;
    if (m.sessionId === this.sessionId) return false;
    const parsed = parseUsageRecord(JSON.stringify({ [m.sessionId]: m.usage })).get(m.sessionId);
    if (!parsed) return false;
    this.known.set(m.sessionId, parsed);
    return true;
  }

  /** A new period or budget: what was heard belongs to the old one. */
  forget(): void {
    this.known.clear();
    this.announced = '';
  }

  savedBudget(): unknown {
    try {
      const text = this.storage().getItem(BUDGET_STORAGE_KEY);
      return text ? JSON.parse(text) : null;
    } catch {
      return null;
    }
  }

  saveBudget(config: BudgetConfig | null): void {
    try {
      if (config) this.storage().setItem(BUDGET_STORAGE_KEY, JSON.stringify(config));
      else this.storage().removeItem(BUDGET_STORAGE_KEY);
    } catch {
      // Shown where it matters: a day or month budget falls back to this session with a warning.
    }
  }

  close(): void {
    if (!this.channel) return;
    this.channel.onmessage = null;
    this.channel.close();
  }
}
