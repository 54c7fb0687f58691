import { describe, expect, it } from 'vitest';
import type { FrameEvent } from '../frameEvent';
import { loadDefaultCatalog } from '../pricing/defaultCatalog.ts';
import { CostWatch } from './CostWatch.ts';

const entry = loadDefaultCatalog().find((e) => e.id === 'aws-rekognition-image-group2');
if (!entry) throw new Error('missing entry');
const price = entry.tiers[0].pricePerUnitUSD;

function event(frame: number, ran: boolean, mode: FrameEvent['mode'] = 'full'): FrameEvent {
  return {
    ts: frame * 33,
    mediaTime: frame / 30,
    sessionId: 's',
    frame,
    ran,
    reason: ran ? 'motion' : 'static-skip',
    source: 'replay',
    model: 'm',
    runtime: 'tfjs',
    backend: 'wasm',
    inferenceId: ran ? frame : null,
    motion: 1,
    mode,
  };
}

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
});
