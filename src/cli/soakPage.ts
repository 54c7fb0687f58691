/**
 * What `npm run soak` reads from the page, all through the test facade (`window.segmeter`): the session's whole
 * FrameEvent and InferenceRecord streams, pulled every few seconds past the store's bounded window, and one sample
 * (heap after a forced GC, live tensors, stored events).
 */
import type { CDPSession, Page } from '@playwright/test';
import type { FrameTotals } from '../core/fold/frameTotals.ts';
import type { FrameEvent, InferenceRecord } from '../core/frameEvent.ts';

export interface SoakSample {
  /** Minutes since the soak began. */
  minute: number;
  /** The page's JS heap in use after a forced garbage collection, MB. */
  heapMB: number;
  /** Live tensors in the model's runtime (null where it has none). */
  tensors: number | null;
  /** FrameEvents the store holds (its bounded window). */
  storedEvents: number;
}

/** The whole session's streams, kept in Node: the store keeps only its newest events. */
export class PulledLog {
  readonly events: FrameEvent[] = [];
  readonly inferences: InferenceRecord[] = [];
  /** Events the store had already dropped when they were pulled (the pull fell behind its window). */
  lost = 0;
  private appended = 0;
  private settled = 0;

  constructor(private readonly page: Page) {}

  /** Pulls what was appended and settled since the last pull; returns the store's totals at that moment. */
  async pull(): Promise<FrameTotals> {
    const batch = await this.page.evaluate(
      ({ appended, settled }) => {
        const store = window.segmeter?.store;
        if (!store) throw new Error('window.segmeter is gone');
        return {
          events: [...store.since(appended)],
          records: [...store.settledSince(settled)],
          appended: store.appended,
          totals: store.snapshotTotals(),
        };
      },
      { appended: this.appended, settled: this.settled },
    );
    this.lost += batch.appended - this.appended - batch.events.length;
    this.lost += batch.totals.settled - this.settled - batch.records.length;
    this.events.push(...batch.events);
    this.inferences.push(...batch.records);
    this.appended = batch.appended;
    this.settled = batch.totals.settled;
    return batch.totals;
  }
}

/** One sample: a forced GC through CDP first, so heaps of different minutes are comparable. */
export async function takeSample(page: Page, cdp: CDPSession, minute: number): Promise<SoakSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { tensors, storedEvents } = await page.evaluate(async () => ({
    tensors: (await window.segmeter?.numTensors()) ?? null,
    storedEvents: window.segmeter?.store.events.length ?? 0,
  }));
  return { minute, heapMB: heap.usedSize / 2 ** 20, tensors, storedEvents };
}
