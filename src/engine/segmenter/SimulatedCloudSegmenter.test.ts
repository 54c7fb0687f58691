import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CloudTimeoutError, SimulatedCloudSegmenter } from './SimulatedCloudSegmenter';
import type { Segmenter, SegmentResult } from './segmenterTypes';

function fakeInner(delayMs = 5): Segmenter & { calls: number; disposed: boolean } {
  const inner = {
    calls: 0,
    disposed: false,
    info: { modelId: 'selfie', runtime: 'tfjs', backend: 'wasm', where: 'main' } as const,
    segment(frame: ImageBitmap): Promise<SegmentResult> {
      inner.calls++;
      frame.close();
      return new Promise((resolve) =>
        setTimeout(
          () => resolve({ mask: { data: new Uint8ClampedArray(4), width: 2, height: 2 }, modelMs: delayMs }),
          delayMs,
        ),
      );
    },
    numTensors: () => Promise.resolve(null),
    modelCalls: () => Promise.resolve(0),
    loseContext: () => Promise.resolve(false),
    dispose() {
      inner.disposed = true;
    },
  };
  return inner;
}

const bitmap = () => ({ close: () => undefined }) as unknown as ImageBitmap;

/** Settles a segment() call under fake timers, returning the result or the error. */
async function settle(p: Promise<SegmentResult>, ms: number): Promise<SegmentResult | Error> {
  const out = p.then(
    (r) => r,
    (e: Error) => e,
  );
  await vi.advanceTimersByTimeAsync(ms);
  return out;
}

describe('SimulatedCloudSegmenter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers after the round trip, with the real mask', async () => {
    const cloud = new SimulatedCloudSegmenter(fakeInner(), {
      profile: { latencyMs: 120, jitterMs: 0, failureRate: 0, timeoutMs: 1000 },
      now: () => Date.now(),
    });
    const result = await settle(cloud.segment(bitmap()), 200);
    expect(result).not.toBeInstanceOf(Error);
    if (result instanceof Error) return;
    expect(result.modelMs).toBe(120);
    expect(result.mask.width).toBe(2);
    expect(cloud.info.modelId).toBe('selfie@cloud-sim');
    expect(cloud.degraded).toBe(false);
  });

  it('times out once at timeoutMs, never retries, and backs off', async () => {
    const inner = fakeInner();
    const reasons: (string | null)[] = [];
    const cloud = new SimulatedCloudSegmenter(inner, {
      profile: { latencyMs: 5000, jitterMs: 0, failureRate: 0, timeoutMs: 800 },
      now: () => Date.now(),
      onDegradation: (r) => reasons.push(r),
    });
    const start = Date.now();
    const promise = cloud.segment(bitmap());
    let settledAt = -1;
    promise.catch(() => {
      settledAt = Date.now();
    });
    const result = await settle(promise, 10_000);
    expect(result).toBeInstanceOf(CloudTimeoutError);
    expect(settledAt - start).toBe(800);
    expect(inner.calls).toBe(1);
    expect(cloud.stats).toEqual({ sent: 1, ok: 0, failed: 0, timedOut: 1 });
    expect(cloud.degraded).toBe(true);
    expect(cloud.allowedIntervalMs()).toBe(800);
    expect(cloud.maySend(start + 1000)).toBe(false);
    expect(cloud.maySend(start + 1600)).toBe(true);
    expect(reasons).toEqual([
      'Cloud (simulated) degraded: a request timed out after 800 ms; sending at most one frame every 800 ms',
    ]);
  });

  it('bounds a slow local model by the time-out too', async () => {
    const cloud = new SimulatedCloudSegmenter(fakeInner(3000), {
      profile: { latencyMs: 10, jitterMs: 0, failureRate: 0, timeoutMs: 500 },
      now: () => Date.now(),
    });
    const start = Date.now();
    const result = await settle(cloud.segment(bitmap()), 600);
    expect(result).toBeInstanceOf(CloudTimeoutError);
    expect(Date.now() - start).toBe(600);
    expect(cloud.stats.timedOut).toBe(1);
  });

  it('slows the send rate under slow answers and reports the degradation once', async () => {
    const reasons: (string | null)[] = [];
    const slow = new SimulatedCloudSegmenter(fakeInner(), {
      profile: { latencyMs: 700, jitterMs: 0, failureRate: 0, timeoutMs: 2000 },
      limiter: { slowMs: 400 },
      now: () => Date.now(),
      onDegradation: (r) => reasons.push(r),
    });
    await settle(slow.segment(bitmap()), 700);
    expect(slow.allowedIntervalMs()).toBe(700);
    await settle(slow.segment(bitmap()), 700);
    expect(slow.allowedIntervalMs()).toBe(1400);
    expect(slow.degradedReason).toContain('answers took 700 ms (slow above 400 ms)');
    expect(reasons).toHaveLength(1);
  });

  it('fails some requests deterministically for a seed, each one once', async () => {
    const run = async () => {
      const inner = fakeInner();
      const cloud = new SimulatedCloudSegmenter(inner, {
        profile: { latencyMs: 50, jitterMs: 20, failureRate: 0.3, timeoutMs: 1000 },
        seed: 42,
        now: () => Date.now(),
      });
      const kinds: string[] = [];
      for (let i = 0; i < 20; i++) {
        const r = await settle(cloud.segment(bitmap()), 100);
        kinds.push(r instanceof Error ? r.message : 'ok');
      }
      return { kinds, calls: inner.calls, stats: { ...cloud.stats } };
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(a.calls).toBe(20);
    expect(a.stats.failed).toBeGreaterThan(0);
    expect(a.stats.ok + a.stats.failed).toBe(20);
    expect(a.kinds).toContain('cloud (simulated) HTTP 503 Service Unavailable');
  });

  it('dispose clears pending timers, rejects waits and disposes the inner segmenter', async () => {
    const inner = fakeInner();
    const cloud = new SimulatedCloudSegmenter(inner, {
      profile: { latencyMs: 1000, jitterMs: 0, failureRate: 0, timeoutMs: 2000 },
      now: () => Date.now(),
    });
    const pending = cloud.segment(bitmap()).then(
      () => 'ok',
      (e: Error) => e.message,
    );
    cloud.dispose();
    expect(await pending).toBe('cloud (simulated) segmenter is disposed');
    expect(inner.disposed).toBe(true);
    expect(vi.getTimerCount()).toBeLessThanOrEqual(1);
    await expect(cloud.segment(bitmap())).rejects.toThrow('disposed');
  });
});
