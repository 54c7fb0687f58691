import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkCloudProfile, drawCloudOutcome } from './cloudOutcome.ts';
import { SendRateLimiter } from './SendRateLimiter.ts';
import { seededRandom } from './seededRandom.ts';

describe('SendRateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets every frame through while answers are fast', () => {
    const limiter = new SendRateLimiter();
    for (let i = 0; i < 30; i++) {
      expect(limiter.allows(Date.now())).toBe(true);
      limiter.noteSent(Date.now());
      vi.advanceTimersByTime(33);
      limiter.noteAnswer(30);
    }
    expect(limiter.degraded).toBe(false);
    expect(limiter.reason).toBeNull();
  });

  it('backs off on slow answers and says why, then recovers', () => {
    const limiter = new SendRateLimiter({ slowMs: 400, maxIntervalMs: 4000 });
    limiter.noteSent(Date.now());
    limiter.noteAnswer(800);
    expect(limiter.allowedIntervalMs()).toBe(800);
    expect(limiter.degraded).toBe(true);
    expect(limiter.reason).toBe(
      'Cloud (simulated) degraded: answers took 800 ms (slow above 400 ms); sending at most one frame every 800 ms',
    );
    vi.advanceTimersByTime(500);
    expect(limiter.allows(Date.now())).toBe(false);
    expect(limiter.waitMs(Date.now())).toBe(300);
    vi.advanceTimersByTime(300);
    expect(limiter.allows(Date.now())).toBe(true);
    limiter.noteAnswer(900);
    expect(limiter.allowedIntervalMs()).toBe(1600);
    limiter.noteTimeout(2000);
    expect(limiter.allowedIntervalMs()).toBe(3200);
    limiter.noteFailure(10, 'HTTP 503');
    expect(limiter.allowedIntervalMs()).toBe(4000);
    expect(limiter.reason).toContain('a request failed (HTTP 503)');
    let fast = 0;
    while (limiter.degraded) {
      limiter.noteAnswer(50);
      fast++;
    }
    expect(fast).toBeLessThan(40);
    expect(limiter.allowedIntervalMs()).toBe(0);
  });
});

describe('SendRateLimiter interval', () => {
  it('counts from the answer, not the send, so a slow service gets a pause', () => {
    const limiter = new SendRateLimiter({ slowMs: 400 });
    limiter.noteSent(0);
    limiter.noteAnswer(1000, 1000);
    expect(limiter.allows(1500)).toBe(false);
    expect(limiter.waitMs(1500)).toBe(500);
    expect(limiter.allows(2000)).toBe(true);
  });
});

describe('drawCloudOutcome', () => {
  const profile = checkCloudProfile({ latencyMs: 300, jitterMs: 100, failureRate: 0.1, timeoutMs: 380 });

  it('is deterministic for a seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const draws = Array.from({ length: 50 }, () => drawCloudOutcome(profile, a));
    expect(Array.from({ length: 50 }, () => drawCloudOutcome(profile, b))).toEqual(draws);
    expect(new Set(draws.map((d) => d.kind))).toEqual(new Set(['ok', 'error', 'timeout']));
    for (const d of draws) {
      if (d.kind !== 'timeout') expect(Math.abs(d.latencyMs - 300)).toBeLessThanOrEqual(100);
    }
  });

  it('validates a profile, listing every bad field', () => {
    expect(() => checkCloudProfile({ latencyMs: -1, jitterMs: 0, failureRate: 2, timeoutMs: 0 })).toThrow(
      'latencyMs: must be >= 0; failureRate: must be within 0..1; timeoutMs: must be > 0',
    );
  });
});
