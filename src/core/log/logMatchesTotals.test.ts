import { describe, expect, it } from 'vitest';
import { FrameEventStore } from '../fold/FrameEventStore';
import { loadDefaultCatalog } from '../pricing/defaultCatalog.ts';
import { frameEvent as frame, inferenceRecord } from '../testing/streamFixtures';
import { logMatchesTotals } from './logMatchesTotals.ts';

const record = (id: number, error?: string) => inferenceRecord(id, error ? { error } : {});

const catalog = loadDefaultCatalog();
const options = { fps: 30, frameBytes: 50_000 };

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
