/**
 * npm run soak -- --minutes N [--sample-seconds S] [--video PATH]
 *
 * Plays a clip on a loop through the live path of the built app in headless Chromium (the bundled sample, or PATH
 * picked in the Source panel's file input as a user would) for N minutes (fractions allowed). Every S seconds
 * (default 60) it prints a line: the page's and each worker's heap after a forced GC, live tensors, the store's
 * stored events. It pulls the session's whole event stream through the test facade as it goes, and at the end
 * checks that the cost totals equal the sum of the per-frame log. The last stdout line is one JSON object: minutes, samples, frames,
 * inferences, totalsMatchLog (and the detail of that check, the load, and heapGrowthMB: page plus workers, the last
 * sample against the first at minute 1 or later).
 */
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_SOURCE_FPS } from '../core/fold/sourceFps.ts';
import { logMatchesTotals } from '../core/log/logMatchesTotals.ts';
import { loadDefaultCatalog } from '../core/pricing/defaultCatalog.ts';
import { failer, InputError, readInputFile } from './cliInput.ts';
import { ensureBuilt, openHeadlessApp } from './headlessApp.ts';
import { parseSoakArgs, SOAK_USAGE, type SoakArgs } from './soakArgs.ts';
import { heapGrowth, PulledLog, type SoakSample, takeSample, WorkerHeaps } from './soakPage.ts';

const fail: (message: string, code: number) => never = failer('soak');
const log = (line: string) => process.stderr.write(`${line}\n`);
/** How often the event stream is pulled: far inside the store's window (3,600 events, 2 min at 30 fps). */
const PULL_MS = 2000;
const MODEL_TIMEOUT_MS = 120_000;
/** The bar for a flat heap: growth after the first minute under 5 MB, page and workers together. */
const HEAP_FLAT_MB = 5;

const round = (v: number, d: number) => Number(v.toFixed(d));

async function run(args: SoakArgs): Promise<void> {
  await ensureBuilt(log);
  const loadAtStart = loadavg();
  const app = await openHeadlessApp();
  try {
    const { page } = app;
    await page.goto(`${app.url}/`);
    await page.waitForFunction(() => window.segmeter !== undefined);
    await page.evaluate(() => window.segmeter?.modelReady);
    if (args.video) {
      await page.setInputFiles('[data-testid=file-input]', resolve(args.video));
      await page.waitForFunction(() => window.segmeter?.snapshot().source?.kind === 'file', null, {
        timeout: MODEL_TIMEOUT_MS,
      });
    }
    await page.waitForFunction(() => (window.segmeter?.store.totals.inferences ?? 0) > 0, null, {
      timeout: MODEL_TIMEOUT_MS,
    });
    const cdp = await page.context().newCDPSession(page);
    const workers = await WorkerHeaps.open(page);
    const pulled = new PulledLog(page);
    const startedAt = Date.now();
    const endAt = startedAt + args.minutes * 60_000;
    const samples: SoakSample[] = [];
    let totals = await pulled.pull();
    let nextSample = startedAt + args.sampleSeconds * 1000;
    log(
      `soak: ${args.minutes} min on ${args.video ?? 'the bundled sample'}, a sample every ${args.sampleSeconds} s`,
    );
    const sampleNow = async () => {
      const sample = await takeSample(page, cdp, workers, round((Date.now() - startedAt) / 60_000, 3));
      const workerHeapMB = Object.fromEntries(
        Object.entries(sample.workerHeapMB).map(([name, mb]) => [name, round(mb, 2)]),
      );
      samples.push({ ...sample, heapMB: round(sample.heapMB, 2), workerHeapMB });
      const load = loadavg()[0].toFixed(2);
      const inWorkers = Object.entries(sample.workerHeapMB).map(([name, mb]) => `${name} ${mb.toFixed(1)}`);
      process.stdout.write(
        `minute ${sample.minute.toFixed(2)}: heap ${sample.heapMB.toFixed(1)} MB (workers: ${inWorkers.join(', ') || 'none'}), ${sample.tensors ?? '-'} tensors, ${sample.storedEvents} stored events, ${totals.frames} frames, ${totals.inferences} inferences, load ${load}\n`,
      );
    };
    while (Date.now() < endAt) {
      const wait = Math.min(PULL_MS, nextSample - Date.now(), endAt - Date.now());
      if (wait > 0) await page.waitForTimeout(wait);
      totals = await pulled.pull();
      if (Date.now() >= nextSample) {
        await sampleNow();
        nextSample += args.sampleSeconds * 1000;
      }
    }
    // The end's own sample, unless the last one fell on it.
    if ((samples.at(-1)?.minute ?? 0) < round((endAt - startedAt) / 60_000, 3)) await sampleNow();
    totals = await pulled.pull();
    const check = logMatchesTotals(pulled.events, pulled.inferences, totals, loadDefaultCatalog(), {
      fps: DEFAULT_SOURCE_FPS,
      frameBytes: 0,
    });
    const mismatches = check.entries.filter((c) => !c.agree);
    for (const c of mismatches) log(`  ${c.id}: log $${c.logUSD} vs totals $${c.totalsUSD}`);
    const growth = heapGrowth(samples);
    const result = {
      minutes: args.minutes,
      samples,
      frames: totals.frames,
      inferences: totals.inferences,
      totalsMatchLog: check.match && pulled.lost === 0,
      log: {
        frames: check.logFrames,
        lostEvents: pulled.lost,
        failed: totals.failed,
        entriesCompared: check.entries.length,
        mismatches,
      },
      // Page plus workers, last sample minus the first at minute 1 or later; flat: under HEAP_FLAT_MB.
      heapGrowthMB: growth === null ? null : round(growth.mb, 2),
      heapGrowthSinceMinute: growth?.sinceMinute ?? null,
      heapFlat: growth === null ? null : growth.mb < HEAP_FLAT_MB,
      host: { cpus: cpus().length, loadAverage: { start: loadAtStart, end: loadavg() } },
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await app.close();
  }
}

let args: SoakArgs;
try {
  args = parseSoakArgs(process.argv.slice(2));
  // A clip that cannot be read is refused here, before any browser starts.
  if (args.video) readInputFile('video', args.video);
} catch (err) {
  if (!(err instanceof InputError)) throw err;
  fail(`${err.message} (${SOAK_USAGE})`, 1);
}
run(args).catch((err: Error) => fail(err.message.split('\n')[0], 1));
