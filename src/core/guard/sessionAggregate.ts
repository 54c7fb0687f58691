/** What one tab publishes about its session about once a second on the 'segmeter-sessions' channel. */
export interface SessionReport {
  sessionId: string;
  frames: number;
  inferences: number;
  /** As-if cost of the session so far per catalog id (entries with no public price left out). */
  costUSD: Record<string, number>;
  inferencesPerMinute: number;
  /** Sender's wall clock, ms since the epoch (shown; staleness is judged on the receiver's clock). */
  updatedAt: number;
}

export interface AggregateTotals {
  sessions: number;
  frames: number;
  inferences: number;
  costUSD: Record<string, number>;
  inferencesPerMinute: number;
}

export interface AggregateView {
  /** Live sessions, sorted by id so the sums and the rows come out the same in every tab. */
  sessions: SessionReport[];
  totals: AggregateTotals;
}

/** Sessions silent for longer than this are dropped (a closed or crashed tab that never said goodbye). */
export const STALE_AFTER_MS = 5000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const amount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const count = (v: unknown): v is number => amount(v) && Number.isInteger(v);
/** Keys that would reach an object's prototype if used on a plain object. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);
/** More catalog ids than a report can sensibly carry. */
const MAX_COST_IDS = 1000;

/** A map from catalog id to cost with no prototype: no id can collide with Object.prototype. */
function costMap(): Record<string, number> {
  return Object.create(null) as Record<string, number>;
}

/**
 * Checks a message from another tab (an older build, or anything else on the origin, may send another shape); null
 * when it is not a report: counts must be whole and non-negative, costs finite and non-negative, and no id may be a
 * prototype key such as `constructor` or `__proto__`.
 */
export function parseSessionReport(v: unknown): SessionReport | null {
  if (!isRecord(v) || typeof v.sessionId !== 'string' || v.sessionId === '' || v.sessionId.length > 200)
    return null;
  if (!count(v.frames) || !count(v.inferences) || !amount(v.inferencesPerMinute) || !amount(v.updatedAt))
    return null;
  if (!isRecord(v.costUSD)) return null;
  const entries = Object.entries(v.costUSD);
  if (entries.length > MAX_COST_IDS) return null;
  const costUSD = costMap();
  for (const [id, cost] of entries) {
    if (!amount(cost) || RESERVED.has(id)) return null;
    costUSD[id] = cost;
  }
  return {
    sessionId: v.sessionId,
    frames: v.frames,
    inferences: v.inferences,
    costUSD,
    inferencesPerMinute: v.inferencesPerMinute,
    updatedAt: v.updatedAt,
  };
}

/** Sums reports. The totals are the plain sum of the parts, in a fixed order, with no other arithmetic. */
export function aggregateSessions(reports: Iterable<SessionReport>): AggregateView {
  const sessions = [...reports].sort((a, b) =>
    a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0,
  );
  const totals: AggregateTotals = {
    sessions: sessions.length,
    frames: 0,
    inferences: 0,
    costUSD: costMap(),
    inferencesPerMinute: 0,
  };
  for (const s of sessions) {
    totals.frames += s.frames;
    totals.inferences += s.inferences;
    totals.inferencesPerMinute += s.inferencesPerMinute;
    for (const [id, cost] of Object.entries(s.costUSD)) totals.costUSD[id] = (totals.costUSD[id] ?? 0) + cost;
  }
  return { sessions, totals };
}

/**
 * The latest report of every session heard from, keyed by id, each stamped with when it was received. A report
 * older than the one held (messages can arrive out of order) is ignored.
 */
export class SessionTable {
  private readonly latest = new Map<string, { report: SessionReport; receivedAt: number }>();

  constructor(private readonly staleAfterMs = STALE_AFTER_MS) {}

  upsert(report: SessionReport, receivedAt: number): void {
    const held = this.latest.get(report.sessionId);
    if (held && held.report.updatedAt > report.updatedAt) return;
    this.latest.set(report.sessionId, { report, receivedAt });
  }

  remove(sessionId: string): void {
    this.latest.delete(sessionId);
  }

  /** Live sessions at `now` (stale ones are dropped from the table too) and their sum. */
  view(now: number): AggregateView {
    for (const [id, held] of this.latest) {
      if (now - held.receivedAt > this.staleAfterMs) this.latest.delete(id);
    }
    return aggregateSessions([...this.latest.values()].map((h) => h.report));
  }
}
