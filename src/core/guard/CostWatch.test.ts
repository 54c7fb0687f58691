import { describe, expect, it } from 'vitest';
import type { FrameEvent } from '../frameEvent';
import { loadDefaultCatalog } from '../pricing/defaultCatalog.ts';
import { frameEvent } from '../testing/streamFixtures';
import { CostWatch } from './CostWatch.ts';

const event = (frame: number, ran: boolean, mode: FrameEvent['mode'] = 'full') =>
  frameEvent(frame, ran, { ts: frame * 33, source: 'replay', mode });

const entry = loadDefaultCatalog().find((e) => e.id === 'aws-rekognition-image-group2');
if (!entry) throw new Error('missing entry');
const price = entry.tiers[0].pricePerUnitUSD;

describe('CostWatch', () => {
  it('drives the budget from the event stream: soft, then hard, with nothing after', () => {
    const limitUSD = 100 * price;
    const watch = new CostWatch({ entry, budget: { catalogId: entry.id, limitUSD } });
    const changes = [];
    for (let frame = 0; frame < 300; frame++) {
      const guard = watch.guard;
      const ran = guard?.allows(false, null) ?? true;
      const { budget } = watch.observe(event(frame, ran, guard?.mode() ?? 'full'));
      if (budget) changes.push(budget);
    }
    expect(changes.map((c) => [c.to, c.frame])).toEqual([
      ['soft', 79],
      ['hard', 99],
    ]);
    expect(watch.spentUSD).toBeCloseTo(limitUSD, 12);
    expect(watch.guard?.summary([]).hardAtFrame).toBe(99);
  });

  it('raises anomaly alerts from the same stream', () => {
    const watch = new CostWatch({ entry });
    const alerts = [];
    for (let frame = 0; frame < 30 * 45; frame++) {
      alerts.push(...watch.observe(event(frame, frame < 30 * 40 ? frame % 10 === 0 : true)).alerts);
    }
    expect(alerts.map((a) => a.metric)).toEqual(['inferencesPerMinute', 'costPerMinute']);
  });

  it('refuses a budget on another entry', () => {
    expect(() => new CostWatch({ entry, budget: { catalogId: 'x', limitUSD: 1 } })).toThrow(RangeError);
  });

  it("prices a period as the sum of each session's own bill (per-session rounding)", () => {
    // fal-sam3-video at $0.005 per 16 frames, billed per started 16 frames of each session: three earlier 1-frame
    // sessions and one more frame here are four bills of one unit each, $0.02, not one bill of 4 frames ($0.005).
    const sam3 = loadDefaultCatalog().find((e) => e.id === 'fal-sam3-video');
    if (!sam3) throw new Error('missing entry');
    const perFrames16 = { ...sam3, rounding: 'ceil-per-session' as const };
    const one = { inferences: 1, activeFrames: 1 };
    const watch = new CostWatch({
      entry: perFrames16,
      budget: { catalogId: perFrames16.id, limitUSD: 1, period: 'day' },
      prior: [one, one, one],
    });
    watch.observe(event(0, true));
    expect(watch.spentUSD).toBeCloseTo(0.02, 12);
    expect(watch.guard?.spentUSD).toBeCloseTo(0.02, 12);
  });

  it("re-evaluates the guard at once when another tab's spend arrives, and starts over in a new period", () => {
    const watch = new CostWatch({
      entry,
      budget: { catalogId: entry.id, limitUSD: 10 * price, period: 'day' },
    });
    for (let frame = 0; frame < 5; frame++) watch.observe(event(frame, true));
    expect(watch.guard?.state).toBe('ok');
    const change = watch.setPrior([{ inferences: 5, activeFrames: 0 }]);
    expect(change?.to).toBe('hard');
    expect(watch.guard?.allows(true, null)).toBe(false);
    const next = watch.startPeriod([]);
    expect(next?.to).toBe('ok');
    expect(watch.usage).toEqual({ inferences: 0, activeFrames: 0 });
    expect(watch.spentUSD).toBe(0);
  });

  it('takes back a failed inference when it settles: the spend steps down, and a hard limit it tipped lets go', () => {
    const watch = new CostWatch({ entry, budget: { catalogId: entry.id, limitUSD: 3 * price } });
    for (let frame = 0; frame < 3; frame++) watch.observe(event(frame, true));
    expect(watch.guard?.state).toBe('hard');
    const failure = { id: 2, sessionId: 's', frame: 2, ts: 0, latencyMs: null, modelMs: null, error: 'boom' };
    expect(watch.settle({ ...failure, kind: 'shadow' })).toBeNull();
    expect(watch.settle({ ...failure, kind: 'gate' })?.to).toBe('ok');
    expect(watch.usage.inferences).toBe(2);
    expect(watch.spentUSD).toBeCloseTo(2 * price, 15);
    expect(watch.guard?.spentUSD).toBeCloseTo(2 * price, 15);
    // A success settles nothing away.
    expect(watch.settle({ ...failure, kind: 'gate', error: undefined, latencyMs: 5, modelMs: 3 })).toBeNull();
    expect(watch.usage.inferences).toBe(2);
  });
});
