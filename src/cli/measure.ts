/**
 * npm run measure -- [--seconds N] [--rows wasm,webgl,cpu,webgpu,auto,mediapipe] [--compositor worker,main] [--json]
 *
 * Live timings per runtime and backend, in the built app in headless Chromium on the bundled sample clip, with the
 * every-frame policy (so inference runs as fast as it can), and the ratios that put them in scale, all measured in
 * this one run in the same browser: display fps over the source's, end-to-end over model ms, model ms in the app
 * over a bare predict loop on the same backend (bench/bareModel.html), the app's display fps over a demo-style
 * loop's on the same clip (bench/demoLoop.html), time to the first inferred mask from navigation, and main-thread
 * long tasks per minute after it. `--compositor worker,main` measures each row once per compositor, side by side.
 * A table on stderr; the last line of stdout is one JSON object.
 */
import { cpus, loadavg } from 'node:os';
import { longTaskStats } from '../core/measure/longTaskStats.ts';
import { type MeasureRatios, measureRatios } from '../core/measure/measureRatios.ts';
import { failer, InputError } from './cliInput.ts';
import { ensureBuilt, openHeadlessApp } from './headlessApp.ts';
import { MEASURE_USAGE, type MeasureArgs, parseMeasureArgs } from './measureArgs.ts';
import { type AppMeasurement, measureApp, measureBareModel, measureDemoLoop } from './measurePages.ts';

interface Row extends Omit<AppMeasurement, 'longTasks' | 'windowMs'> {
  model: string;
  requested: string;
  bareModelMsP50: number | null;
  longTasksPerMinute: number | null;
  longestTaskMs: number | null;
  ratios: MeasureRatios;
}

const fail: (message: string, code: number) => never = failer('measure');
const log = (line: string) => process.stderr.write(`${line}\n`);
const f = (v: number | null, d = 1) => (v === null ? '-' : v.toFixed(d));

function printRow(r: Row): void {
  const q = r.ratios;
  log(
    `${r.model.padEnd(28)} ${r.requested.padEnd(6)} -> ${`${r.runtime}/${r.backend}/${r.where}`.padEnd(24)} model ${f(r.modelMsP50).padStart(6)} ms (bare ${f(r.bareModelMsP50)})  e2e ${f(r.endToEndMsP50).padStart(6)} ms  inference ${f(r.inferenceFps).padStart(5)}/s  display ${f(r.displayFps).padStart(5)} of ${f(r.sourceFps)} fps (dropped ${f(r.droppedPerSecond)}/s)  first mask ${f(r.timeToFirstMaskMs, 0)} ms  long tasks ${f(r.longTasksPerMinute)}/min (max ${f(r.longestTaskMs, 0)} ms)`,
  );
  log(
    `${''.padEnd(38)}compositor ${r.compositor ?? '-'}: draw ${f(r.composeMsP50)} ms, main thread ${f(r.composeMainMsP50, 2)} ms per frame\n${''.padEnd(38)}ratios: display/source ${f(q.displayOverSource, 2)}  e2e/model ${f(q.endToEndOverModel, 2)}  model/bare ${f(q.modelOverBare, 2)}  display/demo ${f(q.displayOverDemo, 2)}${r.notices.length ? `  [${r.notices.join(' | ')}]` : ''}`,
  );
}

async function run({ seconds, configs, compositors }: MeasureArgs): Promise<void> {
  await ensureBuilt(log);
  // Timings depend on what else the machine runs: the JSON carries the load around the run.
  const loadAtStart = loadavg();
  const app = await openHeadlessApp();
  try {
    const fresh = async <T>(measure: (page: import('@playwright/test').Page) => Promise<T>): Promise<T> => {
      const page = await app.fresh();
      try {
        return await measure(page);
      } finally {
        await page.context().close();
      }
    };
    const demoLoop = await fresh((page) => measureDemoLoop(page, app.url, seconds));
    log(
      `demo-style loop (segmentPeople + drawBokehEffect, main thread, ${demoLoop.backend}): first mask ${f(demoLoop.timeToFirstMaskMs, 0)} ms, display ${f(demoLoop.displayFps)} fps`,
    );
    const bare = new Map<string, number | null>();
    const rows: Row[] = [];
    for (const [config, compositor] of configs.flatMap((c) => compositors.map((w) => [c, w] as const))) {
      const { longTasks, windowMs, ...m } = await fresh((page) =>
        measureApp(page, app.url, config, seconds, compositor),
      );
      // The bare loop runs the tfjs graph model: it anchors the tfjs rows, on the backend the row ended up on.
      if (m.runtime === 'tfjs' && m.backend && !bare.has(m.backend)) {
        const backend = m.backend;
        // A backend the bare loop cannot run on leaves its row without the ratio, not the run without its rows.
        const ms = await fresh((page) => measureBareModel(page, app.url, backend)).catch((err: Error) => {
          log(`bare model on ${backend}: ${err.message.split('\n')[0]}`);
          return null;
        });
        bare.set(backend, ms);
      }
      const bareModelMsP50 = (m.runtime === 'tfjs' && m.backend && bare.get(m.backend)) || null;
      const tasks = windowMs ? longTaskStats(longTasks, windowMs[0], windowMs[1]) : null;
      const row: Row = {
        model: config.model,
        requested: config.backend ?? 'auto',
        ...m,
        bareModelMsP50,
        longTasksPerMinute: tasks?.perMinute ?? null,
        longestTaskMs: tasks ? tasks.longestMs : null,
        ratios: measureRatios({ ...m, bareModelMsP50 }, demoLoop.displayFps),
      };
      rows.push(row);
      printRow(row);
    }
    const host = { cpus: cpus().length, loadAverage: { start: loadAtStart, end: loadavg() } };
    process.stdout.write(`${JSON.stringify({ seconds, rows, demoLoop, host })}\n`);
  } finally {
    await app.close();
  }
}

let args: MeasureArgs;
try {
  args = parseMeasureArgs(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof InputError)) throw err;
  fail(`${err.message} (${MEASURE_USAGE})`, 1);
}
run(args).catch((err: Error) => fail(err.message.split('\n')[0], 1));
