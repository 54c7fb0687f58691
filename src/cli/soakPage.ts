/**
 * What `npm run soak` reads from the page, all through the test facade (`window.segmeter`): the session's whole
 * FrameEvent and InferenceRecord streams, pulled every few seconds past the store's bounded window, and one sample
 * (page and worker heaps after a forced GC, live tensors, stored events and records).
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
  /** Each worker's JS heap in use after a forced garbage collection, MB, by worker name (segmenter, compositor). */
  workerHeapMB: Record<string, number>;
  /** FrameEvents the store holds (its bounded window). */
  storedEvents: number;
  /** InferenceRecords the store holds (its bounded window). */
  storedInferences: number;
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

/**
 * The page's workers (the segmenter holds the model, the compositor the canvases), read through the browser's CDP
 * session: each sample finds the worker targets, attaches, forces a GC, reads the heap in use and detaches (a
 * worker restarted after a time-out is simply a new target). Playwright's CDP sessions cannot address a child
 * session id, so the commands travel wrapped in Target.sendMessageToTarget.
 */
/** How long a worker has to answer one command. */
const CALL_MS = 10_000;

export class WorkerHeaps {
  private nextId = 0;
  private readonly waiting = new Map<
    number,
    (reply: { result?: unknown; error?: { message: string } }) => void
  >();

  private constructor(private readonly browser: CDPSession) {
    browser.on('Target.receivedMessageFromTarget', (e) => {
      const reply = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
      if (reply.id === undefined) return;
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
  }

  static async open(page: Page): Promise<WorkerHeaps> {
    const browser = page.context().browser();
    if (!browser) throw new Error('the page has no browser to read its workers from');
    return new WorkerHeaps(await browser.newBrowserCDPSession());
  }

  /** One command to a worker; rejects after CALL_MS (a worker that is being terminated may never answer). */
  private call(sessionId: string, method: string): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${method}: no answer in ${CALL_MS} ms`));
      }, CALL_MS);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply.result);
      });
      this.browser
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) })
        .catch((err: Error) => {
          clearTimeout(timer);
          this.waiting.delete(id);
          reject(err);
        });
    });
  }

  /** Each worker's heap in use after a forced GC, MB, by its name (the Worker's `name`, else its URL). */
  async sample(): Promise<Record<string, number>> {
    const { targetInfos } = await this.browser.send('Target.getTargets');
    const heaps: Record<string, number> = {};
    for (const target of targetInfos.filter((t) => t.type === 'worker')) {
      // A worker that ends between the listing and these calls is left out of this sample (it holds nothing now).
      const attached = await this.browser
        .send('Target.attachToTarget', { targetId: target.targetId, flatten: false })
        .catch(() => null);
      if (!attached) continue;
      const { sessionId } = attached;
      try {
        await this.call(sessionId, 'HeapProfiler.collectGarbage');
        const heap = (await this.call(sessionId, 'Runtime.getHeapUsage')) as { usedSize: number };
        let name = target.title || target.url;
        for (let n = 2; name in heaps; n++) name = `${target.title || target.url} #${n}`;
        heaps[name] = heap.usedSize / 2 ** 20;
      } catch {
        // Gone or not answering: left out of this sample.
      } finally {
        await this.browser.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      }
    }
    return heaps;
  }
}

/** One sample: a forced GC through CDP first (page and each worker), so heaps of different minutes are comparable. */
export async function takeSample(
  page: Page,
  cdp: CDPSession,
  workers: WorkerHeaps,
  minute: number,
): Promise<SoakSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const workerHeapMB = await workers.sample();
  const { tensors, storedEvents, storedInferences } = await page.evaluate(async () => ({
    tensors: (await window.segmeter?.numTensors()) ?? null,
    storedEvents: window.segmeter?.store.events.length ?? 0,
    storedInferences: window.segmeter?.store.inferences.length ?? 0,
  }));
  return { minute, heapMB: heap.usedSize / 2 ** 20, workerHeapMB, tensors, storedEvents, storedInferences };
}

/**
 * The heap's growth after the first minute: the last sample's page plus worker heaps minus those of the first
 * sample taken at minute 1 or later (the first sample of a shorter run), and which minute that baseline is.
 */
export function heapGrowth(samples: readonly SoakSample[]): { mb: number; sinceMinute: number } | null {
  const last = samples.at(-1);
  const base = samples.find((s) => s.minute >= 1) ?? samples[0];
  if (!last || !base || last === base) return null;
  return { mb: totalHeapMB(last) - totalHeapMB(base), sinceMinute: base.minute };
}

/** The page's heap plus every worker's, MB. */
export const totalHeapMB = (s: SoakSample) =>
  s.heapMB + Object.values(s.workerHeapMB).reduce((sum, mb) => sum + mb, 0);
