import { describe, expect, it } from 'vitest';
import { FrameEventStore } from '../fold/FrameEventStore';
import type { FrameEvent, InferenceRecord } from '../frameEvent';
import { loadDefaultCatalog } from '../pricing/defaultCatalog.ts';
import { logMatchesTotals } from './logMatchesTotals.ts';

const catalog = loadDefaultCatalog();
const options = { fps: 30, frameBytes: 50_000 };

function frame(n: number, ran: boolean, extra: Partial<FrameEvent> = {}): FrameEvent {
  return {
    ...{ ts: 1000 + n * 33, mediaTime: n / 30, sessionId: 's', frame: n, ran },
    ...{ reason: ran ? 'motion' : 'static-skip', source: 'sample', model: 'm', runtime: 'tfjs' },
    ...{ backend: 'wasm', inferenceId: ran ? n : null, motion: 1, mode: 'full' },
    ...extra,
  } as FrameEvent;
}

function record(id: number, error?: string): InferenceRecord {
  return {
    ...{ id, sessionId: 's', frame: id, kind: 'gate', ts: 2000 + id },
    ...(error ? { latencyMs: null, modelMs: null, error } : { latencyMs: 20, modelMs: 10 }),
  };
}

/** A session through the store: every 5th frame ran, every 20th of those failed. */
function session(): FrameEventStore {
  const store = new FrameEventStore();
  for (let n = 0; n < 2000; n++) {
    const ran = n % 5 === 0;
    store.append(frame(n, ran));
    if (ran) store.settle(record(n, n % 100 === 0 ? 'boom' : undefined));
  }
  return store;
}

describe('logMatchesTotals', () => {
  it('finds the fold’s totals equal to the per-frame log for every priced entry, failures unbilled in both', () => {
    const store = session();
    expect(store.totals.failed).toBe(20);
    const check = logMatchesTotals(store.events, store.inferences, store.totals, catalog, options);
    expect(check.entries.length).toBeGreaterThan(10);
    expect(check.entries.filter((c) => !c.agree)).toEqual([]);
    expect(check.match).toBe(true);
  });

  it('sees a log that lost its failure records, a counter that drifted, or frames missing from the log', () => {
    const store = session();
    const { events, inferences, totals } = store;
    const noErrors = inferences.filter((r) => r.error === undefined);
    expect(logMatchesTotals(events, noErrors, totals, catalog, options).match).toBe(false);
    const drifted = { ...totals, inferences: totals.inferences + 1 };
    expect(logMatchesTotals(events, inferences, drifted, catalog, options).match).toBe(false);
    const short = logMatchesTotals(events.slice(1), inferences, totals, catalog, options);
    expect(short).toMatchObject({ match: false, logFrames: 1999, totalsFrames: 2000 });
  });
});
