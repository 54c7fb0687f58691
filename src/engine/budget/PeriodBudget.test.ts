import { afterEach, describe, expect, it, vi } from 'vitest';
import { CostWatch } from '../../core/guard/CostWatch';
import type { BudgetConfig } from '../../core/guard/parseBudget';
import { BUDGET_STORAGE_KEY } from '../../core/guard/periodUsage';
import type { NoticeBody } from '../../core/notice';
import { loadDefaultCatalog } from '../../core/pricing/defaultCatalog';
import { frameEvent } from '../../core/testing/streamFixtures';
import { type BudgetChannel, type LocksLike, PeriodBudget, type StorageLike } from './PeriodBudget';

const event = (frame: number, ran: boolean) =>
  frameEvent(frame, ran, { ts: frame, reason: ran ? 'motion' : 'budget', source: 'replay' });

const found = loadDefaultCatalog().find((e) => e.id === 'aws-rekognition-image-group2');
if (!found) throw new Error('missing entry');
const entry = found;
const PRICE = entry.tiers[0].pricePerUnitUSD;
const DAY: BudgetConfig = { catalogId: entry.id, limitUSD: 20 * PRICE, softAt: 1, period: 'day' };

/** One browser: shared storage, a channel that delivers to every other tab, and a lock that runs one at a time. */
function browser(clock: { now: number }, storage: StorageLike = new MemoryStorage()) {
  const tabs: BudgetChannel[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  const locks: LocksLike = {
    request: (_name, callback) => {
      const run = queue.then(() => callback());
      queue = run.catch(() => undefined);
      return run;
    },
  };
  return (id: string) => {
    const channel: BudgetChannel = {
      onmessage: null,
      postMessage: (data) => {
        for (const other of tabs)
          if (other !== channel) queueMicrotask(() => other.onmessage?.({ data } as MessageEvent));
      },
      close: () => undefined,
    };
    tabs.push(channel);
    const notices: NoticeBody[] = [];
    let watch: CostWatch | null = null;
    const period = new PeriodBudget({
      sessionId: id,
      storage: () => storage,
      channel,
      locks,
      watch: () => watch,
      requested: () => 'full',
      notify: (_level, notice) => notices.push(notice),
      fallback: (config) => start(config),
      now: () => clock.now,
    });
    const start = (config: BudgetConfig) => {
      const begun = period.begin(config);
      watch = new CostWatch({
        entry,
        budget: begun.config ?? undefined,
        budgetOptions: { permit: period.permit },
        prior: begun.prior,
      });
      period.claim();
      return begun.config;
    };
    let frame = 0;
    /** One frame: an inference if the guard allows it (it settles a tick later, like the worker's). */
    const step = async () => {
      const ran = watch?.guard?.allows(false, null) ?? false;
      await new Promise((r) => setTimeout(r, 0));
      watch?.observe(event(frame++, ran));
      period.observe(ran);
      return ran;
    };
    return { period, start, step, notices, watch: () => watch };
  };
}

class MemoryStorage implements StorageLike {
  readonly map = new Map<string, string>();
  failAfter = Number.POSITIVE_INFINITY;
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failAfter-- <= 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

afterEach(() => vi.useRealTimers());

describe('PeriodBudget', () => {
  it('two tabs with one day budget stop together: combined spend passes the limit by at most one inference each', async () => {
    const clock = { now: new Date(2026, 10, 28, 12).getTime() };
    const tab = browser(clock);
    const a = tab('a');
    const b = tab('b');
    a.start(DAY);
    b.start(DAY);
    let ran = 0;
    for (let i = 0; i < 200; i++) {
      const [x, y] = await Promise.all([a.step(), b.step()]);
      ran += Number(x) + Number(y);
    }
    expect(ran * PRICE).toBeGreaterThanOrEqual(DAY.limitUSD - 1e-12);
    expect(ran * PRICE).toBeLessThanOrEqual(DAY.limitUSD + 2 * PRICE + 1e-12);
    // Each tab sees the other's spend: both are at the hard limit, and both say so.
    expect(a.watch()?.guard?.state).toBe('hard');
    expect(b.watch()?.guard?.state).toBe('hard');
    expect(a.watch()?.spentUSD).toBeCloseTo(ran * PRICE, 12);
    expect(b.watch()?.spentUSD).toBeCloseTo(ran * PRICE, 12);
    a.period.dispose();
    b.period.dispose();
  });

  it('keeps the budget itself, so the next session enforces it at once', () => {
    const clock = { now: Date.now() };
    const storage = new MemoryStorage();
    browser(clock, storage)('a').start(DAY);
    expect(JSON.parse(storage.getItem(BUDGET_STORAGE_KEY) ?? 'null')).toEqual(DAY);
    const next = browser(clock, storage)('b');
    expect(next.period.saved()).toEqual(DAY);
    next.period.begin(null);
    expect(storage.getItem(BUDGET_STORAGE_KEY)).toBeNull();
  });

  it('rolls the period over by itself at midnight: the paused tab resumes and files usage under the new day', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const clock = { now: new Date(2026, 10, 28, 23, 59, 50).getTime() };
    const storage = new MemoryStorage();
    const a = browser(clock, storage)('a');
    a.start(DAY);
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 40; i++) {
      const step = a.step();
      await vi.advanceTimersByTimeAsync(1);
      await step;
    }
    expect(a.watch()?.guard?.state).toBe('hard');
    clock.now = new Date(2026, 10, 29, 0, 0, 1).getTime();
    await vi.advanceTimersByTimeAsync(11_000); // the rollover timer fires at midnight, without any frame
    expect(a.watch()?.guard?.state).toBe('ok');
    expect(a.notices).toContainEqual({
      code: 'budget-period-rolled',
      params: { period: 'day', key: '2026-11-29' },
    });
    const step = a.step();
    await vi.advanceTimersByTimeAsync(1);
    expect(await step).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    const today = JSON.parse(storage.getItem(`segmeter.usage.2026-11-29.${entry.id}`) ?? '{}');
    const yesterday = JSON.parse(storage.getItem(`segmeter.usage.2026-11-28.${entry.id}`) ?? '{}');
    expect(today.a.inferences).toBe(1);
    expect(yesterday.a.inferences).toBe(20);
    a.period.dispose();
  });

  it('falls back to this session, with a warning, where storage is disabled', () => {
    const clock = { now: Date.now() };
    const tab = browser(clock, {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
      removeItem: () => undefined,
    })('a');
    expect(tab.start(DAY)?.period).toBe('session');
    expect(tab.notices[0]).toEqual({
      code: 'budget-storage-unavailable',
      params: { error: 'The operation is insecure.', period: 'day' },
    });
    expect(tab.period.permit()).toBe(true);
  });

  it('falls back to this session, with a warning, when storage fills up mid-period', async () => {
    const clock = { now: Date.now() };
    const storage = new MemoryStorage();
    const tab = browser(clock, storage)('a');
    tab.start(DAY);
    storage.failAfter = 0;
    for (let i = 0; i < 5; i++) await tab.step();
    expect(tab.watch()?.guard?.config.period).toBe('session');
    expect(tab.notices).toContainEqual({
      code: 'budget-storage-unavailable',
      params: { error: expect.stringMatching(/quota has been exceeded/), period: 'day' },
    });
    expect(await tab.step()).toBe(true);
    tab.period.dispose();
  });
});
