import type { FrameEvent, InferenceRecord } from '../frameEvent';
import { copyTotals, emptyTotals, type FrameTotals, foldFrame, foldInference } from './frameTotals';

/**
 * How many of the newest events and records the store keeps for the log panel, its exports, the metrics' last
 * minute and charts' tails: two minutes at 30 fps (one at 60), so the window is full within the first minutes and
 * stays that size after. Totals cover the whole session (running aggregates); memory stays flat however long it runs.
 */
export const EVENT_WINDOW = 3600;

/** How far a window may run past its cap before it trims: an eighth, so it holds cap..cap*9/8 items once full. */
export const windowSlack = (cap: number) => Math.max(1, Math.ceil(cap / 8));

/**
 * Keeps the newest `cap` items, trimming in one copy per `windowSlack(cap)` appends (amortised O(1) appends, and
 * no sawtooth of a whole window). A trim replaces the array, so a reader holding the old one sees it changed.
 */
class Window<T> {
  private list: T[] = [];
  constructor(private readonly cap: number) {}
  get items(): readonly T[] {
    return this.list;
  }
  push(item: T): void {
    this.list.push(item);
    if (this.list.length >= this.cap + windowSlack(this.cap)) this.list = this.list.slice(-this.cap);
  }
  clear(): void {
    this.list = [];
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

  /** The newest FrameEvents, in frame order: all of them up to EVENT_WINDOW, then EVENT_WINDOW to 9/8 of it. */
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
