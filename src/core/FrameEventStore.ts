import type { FrameEvent, GateReason } from './frameEvent';

/** Running totals folded from the event stream as it is appended; never counted anywhere else. */
export interface FrameTotals {
  frames: number;
  inferences: number;
  errors: number;
  reasons: Partial<Record<GateReason, number>>;
  firstTs: number | null;
  lastTs: number | null;
}

export function emptyTotals(): FrameTotals {
  return { frames: 0, inferences: 0, errors: 0, reasons: {}, firstTs: null, lastTs: null };
}

/** The session's append-only FrameEvent log with listeners; the engine writes, everything else reads. */
export class FrameEventStore {
  readonly events: FrameEvent[] = [];
  totals: FrameTotals = emptyTotals();
  private readonly listeners = new Set<(e: FrameEvent) => void>();

  append(e: FrameEvent): void {
    this.events.push(e);
    const t = this.totals;
    // A duplicate is an extra inference on a frame already logged: it is billed but is not another frame.
    if (e.reason !== 'duplicate') t.frames++;
    if (e.ran) t.inferences++;
    if (e.error) t.errors++;
    t.reasons[e.reason] = (t.reasons[e.reason] ?? 0) + 1;
    t.firstTs ??= e.ts;
    t.lastTs = e.ts;
    for (const listener of this.listeners) listener(e);
  }

  subscribe(listener: (e: FrameEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.events.length = 0;
    this.totals = emptyTotals();
  }
}
