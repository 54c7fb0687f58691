import { describe, expect, it } from 'vitest';
import { frameEvent as frame, inferenceRecord as record } from '../testing/streamFixtures';
import { FrameEventStore, windowSlack } from './FrameEventStore';

describe('FrameEventStore', () => {
  it('folds totals over the whole session while keeping only a bounded window of events', () => {
    const store = new FrameEventStore(100);
    for (let n = 0; n < 1000; n++) store.append(frame(n, n % 10 === 0));
    expect(store.totals.frames).toBe(1000);
    expect(store.totals.inferences).toBe(100);
    expect(store.events.length).toBeGreaterThanOrEqual(100);
    expect(store.events.length).toBeLessThan(100 + windowSlack(100));
    // The window is the newest events, in frame order.
    expect(store.events.at(-1)?.frame).toBe(999);
    const frames = store.events.map((e) => e.frame);
    expect(frames).toEqual([...frames].sort((a, b) => a - b));
  });

  it('is full once cap events arrived and then stays within cap..cap*9/8 (no sawtooth of a whole window)', () => {
    const cap = 400;
    const store = new FrameEventStore(cap);
    let low = Number.POSITIVE_INFINITY;
    let high = 0;
    for (let n = 0; n < 20 * cap; n++) {
      store.append(frame(n, true));
      store.settle(record(n));
      if (n < cap) expect(store.events).toHaveLength(n + 1);
      else {
        low = Math.min(low, store.events.length);
        high = Math.max(high, store.events.length, store.inferences.length);
      }
    }
    expect(low).toBe(cap);
    expect(high).toBe(cap + windowSlack(cap) - 1);
    expect(high).toBeLessThanOrEqual(cap * 1.125);
    expect(store.inferences.at(-1)?.id).toBe(20 * cap - 1);
  });

  it('trims by replacing the array (readers that hold it see the change) and keeps cursors across trims', () => {
    const store = new FrameEventStore(16);
    for (let n = 0; n < 16; n++) store.append(frame(n, false));
    const held = store.events;
    const cursor = store.appended;
    for (let n = 16; n < 16 + windowSlack(16); n++) store.append(frame(n, false));
    expect(store.events).not.toBe(held);
    expect(held).toHaveLength(16 + windowSlack(16));
    expect(store.since(cursor).map((e) => e.frame)).toEqual([16, 17]);
    // A cursor that fell behind the window gets what is left of it.
    expect(store.since(0)).toHaveLength(16);
  });

  it('counts a runaway duplicate as a billed inference but not as a frame; paused frames are not segmented', () => {
    const store = new FrameEventStore();
    store.append(frame(0, true));
    store.append(frame(0, true, { reason: 'duplicate' }));
    store.append(frame(1, false, { mode: 'paused', reason: 'budget' }));
    expect(store.totals).toMatchObject({ frames: 2, inferences: 2, segmentedFrames: 1 });
    expect(store.totals.reasons).toMatchObject({ motion: 1, duplicate: 1, budget: 1 });
  });

  it('folds settled inferences: errors and staleness checks', () => {
    const store = new FrameEventStore();
    const seen: number[] = [];
    store.subscribeInferences((r) => seen.push(r.id));
    store.settle(record(1));
    store.settle(record(2, { error: 'boom', latencyMs: null, modelMs: null }));
    store.settle(record(3, { kind: 'shadow', staleIou: 0.97 }));
    expect(store.totals).toMatchObject({ settled: 3, errors: 1, shadowChecks: 1 });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('bills started inferences that did not fail: a failure that settles later reverses its frame', () => {
    const store = new FrameEventStore();
    store.append(frame(0, true));
    store.append(frame(1, true));
    store.append(frame(2, false));
    // Priced when composited, before the inferences settle.
    expect(store.totals).toMatchObject({ started: 2, inferences: 2, failed: 0 });
    store.settle(record(0));
    store.settle(record(1, { error: 'boom', latencyMs: null, modelMs: null }));
    expect(store.totals).toMatchObject({ started: 2, inferences: 1, failed: 1, errors: 1 });
    // A failed staleness check was never billed: an error, nothing reversed.
    store.settle(record(7, { kind: 'shadow', error: 'boom', latencyMs: null, modelMs: null }));
    expect(store.totals).toMatchObject({ started: 2, inferences: 1, failed: 1, errors: 2 });
    // A runaway duplicate is billed, and so reversed when it fails.
    store.append(frame(2, true, { reason: 'duplicate', inferenceId: 8 }));
    store.settle(record(8, { kind: 'duplicate', error: 'boom', latencyMs: null, modelMs: null }));
    expect(store.totals).toMatchObject({ started: 3, inferences: 1, failed: 2 });
  });

  it('lands on the same billed count when a failure settles before its frame (frame-stepped replay)', () => {
    const store = new FrameEventStore();
    store.settle(record(0, { error: 'boom', latencyMs: null, modelMs: null }));
    store.append(frame(0, true));
    expect(store.totals).toMatchObject({ started: 1, inferences: 0, failed: 1 });
  });

  it('starts over on clear and tells its folds', () => {
    const store = new FrameEventStore();
    let cleared = 0;
    store.onClear(() => cleared++);
    store.append(frame(0, true));
    store.clear();
    expect(store.totals.frames).toBe(0);
    expect(store.events).toHaveLength(0);
    expect(cleared).toBe(1);
  });
});
