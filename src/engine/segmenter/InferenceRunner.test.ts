import { afterEach, describe, expect, it, vi } from 'vitest';
import { FAILURES_BEFORE_PASS_THROUGH, InferenceRunner } from './InferenceRunner';
import type { Segmenter, SegmentResult } from './segmenterTypes';

const bitmap = () => Promise.resolve({ close: () => undefined } as unknown as ImageBitmap);

function fakeSegmenter(segment: () => Promise<SegmentResult>): Segmenter {
  return {
    info: { modelId: 'm', runtime: 'tfjs', backend: 'wasm', where: 'main' },
    segment,
    numTensors: async () => 0,
    modelCalls: async () => 0,
    loseContext: async () => false,
    dispose: () => undefined,
  };
}

const ok: SegmentResult = { mask: { data: new Uint8ClampedArray(4), width: 2, height: 2 }, modelMs: 5 };

afterEach(() => vi.useRealTimers());

describe('InferenceRunner', () => {
  it('holds the in-flight slot while a gate inference runs and reports its timings', async () => {
    const runner = new InferenceRunner();
    runner.segmenter = fakeSegmenter(async () => ok);
    const pending = runner.run(bitmap(), performance.now(), 'gate');
    expect(runner.inFlight).toBe(true);
    const outcome = await pending;
    expect(runner.inFlight).toBe(false);
    expect(outcome).toMatchObject({ ok: true, modelMs: 5 });
  });

  it('queues one inference behind the running one, starts it only when that one ends, and is full with two', async () => {
    const runner = new InferenceRunner();
    const started: number[] = [];
    const finish: (() => void)[] = [];
    runner.segmenter = fakeSegmenter(() => {
      started.push(started.length);
      return new Promise((resolve) => finish.push(() => resolve(ok)));
    });
    const first = runner.run(bitmap(), performance.now(), 'gate');
    await Promise.resolve();
    await Promise.resolve();
    expect(runner.full).toBe(false);
    const second = runner.run(bitmap(), performance.now(), 'gate');
    expect(runner.full).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0]);
    finish[0]?.();
    await first;
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([0, 1]);
    expect(runner.full).toBe(false);
    expect(runner.inFlight).toBe(true);
    finish[1]?.();
    expect(await second).toMatchObject({ ok: true });
    expect(runner.inFlight).toBe(false);
  });

  it('steps aside after repeated failures, retries with back-off, and closes again on success', async () => {
    vi.useFakeTimers();
    let failing = true;
    const runner = new InferenceRunner();
    const changes: boolean[] = [];
    runner.onStateChange = (s) => changes.push(s.passThrough);
    runner.segmenter = fakeSegmenter(async () => {
      if (failing) throw new Error('boom');
      return ok;
    });
    for (let i = 0; i < FAILURES_BEFORE_PASS_THROUGH; i++) {
      expect(runner.mayTry()).toBe(true);
      expect(await runner.run(bitmap(), 0, 'gate')).toMatchObject({ ok: false, error: 'boom' });
    }
    expect(runner.state.passThrough).toBe(true);
    expect(runner.mayTry()).toBe(false);
    // The automatic retry is due after the first back-off (2 s) ...
    vi.advanceTimersByTime(2001);
    expect(runner.mayTry()).toBe(true);
    await runner.run(bitmap(), 0, 'gate');
    // ... and a failed retry doubles the wait; the Retry button makes it due at once.
    vi.advanceTimersByTime(2001);
    expect(runner.mayTry()).toBe(false);
    runner.retryNow();
    expect(runner.mayTry()).toBe(true);
    failing = false;
    expect(await runner.run(bitmap(), 0, 'gate')).toMatchObject({ ok: true });
    expect(runner.state).toMatchObject({ passThrough: false, consecutiveFailures: 0 });
    expect(changes).toEqual([true, true, false]);
  });

  it('fails a call that never settles and reports the hang, freeing the slot', async () => {
    vi.useFakeTimers();
    const runner = new InferenceRunner();
    const hung: string[] = [];
    runner.onHung = (why) => hung.push(why);
    runner.segmenter = fakeSegmenter(() => new Promise<SegmentResult>(() => undefined));
    const pending = runner.run(bitmap(), 0, 'gate');
    await vi.advanceTimersByTimeAsync(30_001);
    const outcome = await pending;
    expect(outcome.ok).toBe(false);
    expect(hung).toHaveLength(1);
    expect(runner.inFlight).toBe(false);
  });

  it('does not count staleness checks or runaway extras towards the breaker', async () => {
    const runner = new InferenceRunner();
    runner.segmenter = fakeSegmenter(async () => {
      throw new Error('boom');
    });
    for (let i = 0; i < 5; i++) await runner.run(bitmap(), 0, i % 2 ? 'shadow' : 'duplicate');
    expect(runner.state.consecutiveFailures).toBe(0);
  });
});
