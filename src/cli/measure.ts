/**
 * npm run measure -- [--seconds N] [--json]
 *
 * Live timings per runtime and backend, in the built app in headless Chromium on the bundled sample clip, with the
 * every-frame policy (so inference runs as fast as it can): model ms and end-to-end ms (both with the read-back),
 * inference FPS, and display FPS against the source FPS. A table on stderr; the last line of stdout is JSON.
 */
import { parseArgs } from 'node:util';
import { boundedInteger } from './cliInput.ts';
import { ensureBuilt, openHeadlessApp } from './headlessApp.ts';

const USAGE = 'usage: measure [--seconds N] [--json] (N: 1 to 600)';

const CONFIGS = [
  { model: 'selfie-general-tfjs', backend: 'wasm' },
  { model: 'selfie-general-tfjs', backend: 'webgl' },
  { model: 'selfie-general-tfjs', backend: 'cpu' },
  { model: 'selfie-general-tfjs', backend: 'webgpu' },
  { model: 'selfie-general-mediapipe', backend: 'auto' },
  { model: 'selfie-landscape-mediapipe', backend: 'auto' },
];

interface Row {
  model: string;
  requested: string;
  runtime: string | null;
  backend: string | null;
  where: string | null;
  modelMsP50: number | null;
  endToEndMsP50: number | null;
  inferenceFps: number;
  displayFps: number;
  sourceFps: number | null;
  composeMsP50: number | null;
  notices: string[];
}

const median = (v: number[]) => (v.length ? [...v].sort((a, b) => a - b)[v.length >> 1] : null);

async function main(): Promise<void> {
  let seconds: number | string;
  try {
    const { values } = parseArgs({
      options: { seconds: { type: 'string', default: '12' }, json: { type: 'boolean' } },
    });
    seconds = boundedInteger('--seconds', values.seconds ?? '12', 1, 600);
  } catch (err) {
    seconds = (err as Error).message;
  }
  if (typeof seconds === 'string') {
    process.stderr.write(`measure: ${seconds}\n${USAGE}\n`);
    process.exit(2);
  }
  await ensureBuilt((line) => process.stderr.write(`${line}\n`));
  const rows: Row[] = [];
  for (const config of CONFIGS) {
    const app = await openHeadlessApp();
    try {
      const { page } = app;
      await page.goto(`${app.url}/?policy=every-frame&model=${config.model}&backend=${config.backend}`);
      await page.waitForFunction(() => window.segmeter !== undefined);
      await page.evaluate(() => window.segmeter?.modelReady);
      await page.waitForTimeout(3000); // warm-up: shader compiles, first frames
      const samples = [];
      const start = await page.evaluate(() => window.segmeter?.snapshot());
      for (let i = 0; i < seconds; i++) {
        await page.waitForTimeout(1000);
        samples.push(await page.evaluate(() => window.segmeter?.snapshot()));
      }
      const end = samples[samples.length - 1];
      const elapsed = ((end?.totals.lastTs ?? 0) - (start?.totals.lastTs ?? 0)) / 1000;
      // Timings over the whole measured stretch (a slow backend completes fewer than one inference a second).
      const since = start?.totals.lastTs ?? 0;
      const timings = await page.evaluate(
        (from) =>
          (window.segmeter?.store.events ?? [])
            .filter((e) => e.ts > from && e.ran && e.latencyMs !== null)
            .map((e) => [e.modelMs ?? 0, e.latencyMs ?? 0]),
        since,
      );
      rows.push({
        model: config.model,
        requested: config.backend,
        runtime: end?.segmenter?.runtime ?? null,
        backend: end?.segmenter?.backend ?? null,
        where: end?.segmenter?.where ?? null,
        modelMsP50: median(timings.map((t) => t[0])),
        endToEndMsP50: median(timings.map((t) => t[1])),
        inferenceFps: ((end?.totals.inferences ?? 0) - (start?.totals.inferences ?? 0)) / elapsed,
        displayFps: ((end?.totals.frames ?? 0) - (start?.totals.frames ?? 0)) / elapsed,
        sourceFps: median(samples.flatMap((s) => (s?.stats.sourceFps ? [s.stats.sourceFps] : []))),
        composeMsP50: end?.composeMsP50 ?? null,
        notices: end?.notices.map((n) => n.text) ?? [],
      });
    } finally {
      await app.close();
    }
    const r = rows[rows.length - 1];
    const f = (v: number | null, d = 1) => (v === null ? '-' : v.toFixed(d));
    process.stderr.write(
      `${r.model.padEnd(28)} ${r.requested.padEnd(6)} -> ${`${r.runtime}/${r.backend}/${r.where}`.padEnd(30)} model ${f(r.modelMsP50).padStart(7)} ms  e2e ${f(r.endToEndMsP50).padStart(7)} ms  inference ${f(r.inferenceFps).padStart(5)} fps  display ${f(r.displayFps).padStart(5)} of ${f(r.sourceFps)} fps  compose ${f(r.composeMsP50)} ms${r.notices.length ? `  [${r.notices.join(' | ')}]` : ''}\n`,
    );
  }
  process.stdout.write(`${JSON.stringify({ seconds, rows })}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`measure: ${err.message.split('\n')[0]}\n`);
  process.exit(1);
});
