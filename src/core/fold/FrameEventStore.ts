import type { FrameEvent, InferenceRecord } from '../frameEvent';
import { copyTotals, emptyTotals, type FrameTotals, foldFrame, foldInference } from './frameTotals';

/**
 * How many of the newest events and records the store keeps for windows, charts' tails and the log (about five
 * minutes at 30 fps). Totals cover the whole session; memory stays flat however long it runs.
 */
export const EVENT_WINDOW = 9000;

/** Keeps the newest `cap` items; drops the oldest in one splice per `cap` appends, so appends stay O(1). */
class Window<T> {
  readonly items: T[] = [];
  constructor(private readonly cap: number) {}
  push(item: T): void {
    this.items.push(item);
    if (this.items.length >= 2 * this.cap) this.items.splice(0, this.items.length - this.cap);
  }
  clear(): void {
    this.items.length = 0;
  }
}

/**
 * The session's event stream: the engine appends, everything else subscribes or reads the bounded window. Totals
 * are folded on append (src/core/fold/frameTotals.ts), so they are exact for the whole session.
 */
export class FrameEventStore {
  private readonly frameWindow: Window<FrameEvent>;
  private readonly inferenceWindow: Window<InferenceRecord>;
  private current: FrameTotals = emptyTotals();
  private appendedCount = 0;
  private readonly frameListeners = new Set<(e: FrameEvent) => void>();
  private readonly inferenceListeners = new Set<(r: InferenceRecord) => void>();
  private readonly clearListeners = new Set<() => void>();

  constructor(cap = EVENT_WINDOW) {
    this.frameWindow = new Window(cap);
    this.inferenceWindow = new Window(cap);
  }

  /** The newest FrameEvents, in frame order (at least the last EVENT_WINDOW of them). */
  get events(): readonly FrameEvent[] {
    return this.frameWindow.items;
  }

  /** The newest InferenceRecords, in the order they settled. */
  get inferences(): readonly InferenceRecord[] {
    return this.inferenceWindow.items;
  }

  /** Totals of the whole session (live object: copy before keeping it). */
  get totals(): FrameTotals {
    return this.current;
  }

  snapshotTotals(): FrameTotals {
    return copyTotals(this.current);
  }

  /** FrameEvents appended since the session (or the last clear) began: a cursor that survives the window. */
  get appended(): number {
    return this.appendedCount;
  }

  /** The events appended since cursor `seq` (as read from `appended`) that the window still holds. */
  since(seq: number): readonly FrameEvent[] {
    const items = this.frameWindow.items;
    const offset = seq - (this.appendedCount - items.length);
    return offset <= 0 ? items : items.slice(offset);
  }

  /** The records settled since cursor `seq` (as read from `totals.settled`) that the window still holds. */
  settledSince(seq: number): readonly InferenceRecord[] {
    const items = this.inferenceWindow.items;
    const offset = seq - (this.current.settled - items.length);
    return offset <= 0 ? items : items.slice(offset);
  }

  append(e: FrameEvent): void {
    this.appendedCount++;
    this.frameWindow.push(e);
    foldFrame(this.current, e);
    for (const listener of this.frameListeners) listener(e);
  }

  settle(r: InferenceRecord): void {
    this.inferenceWindow.push(r);
    foldInference(this.current, r);
    for (const listener of this.inferenceListeners) listener(r);
  }

  subscribe(listener: (e: FrameEvent) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  subscribeInferences(listener: (r: InferenceRecord) => void): () => void {
    this.inferenceListeners.add(listener);
    return () => this.inferenceListeners.delete(listener);
  }

  /** Called when the store starts over (a bench run), so folds that keep their own state can reset too. */
  onClear(listener: () => void): () => void {
    this.clearListeners.add(listener);
    return () => this.clearListeners.delete(listener);
  }

  clear(): void {
    this.frameWindow.clear();
    this.inferenceWindow.clear();
    this.current = emptyTotals();
    this.appendedCount = 0;
    for (const listener of this.clearListeners) listener();
  }
}
