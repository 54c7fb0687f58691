/**
 * npm run telemetry-overhead -- [--rounds N] [--window S] [--settle S] [--interval S] [--backend B]
 *
 * What fleet telemetry costs the live view, measured side by side in one page of the built app on the sample clip:
 * windows of telemetry off, and on against a stand-in collector that answers 200, 503 or never, interleaved for
 * several rounds, the order rotated by round (a Latin square: off goes first in one round, last in another) so that
 * the machine's load drift hits every condition alike.
 * Every window starts where the looping clip starts over, so all of them show the same frames (the gate's load
 * follows the clip's content). Per condition: the median display fps, its ratio to off, and the median of its
 * per-round ratios to that round's off window (the verdict, within 5% or not: printed, not asserted), the
 * main-thread ms per export and per second, and the bytes per request and per minute that reached the collector.
 * A table on stderr; the last line of stdout is one JSON object.
 */
import { cpus, loadavg } from 'node:os';
import { failer, InputError } from './cliInput.ts';
import { ensureBuilt, openHeadlessApp } from './headlessApp.ts';
import { OtlpStubCollector } from './otlpStub.ts';
import {
  openLiveView,
  prepareTelemetryPanel,
  readPage,
  switchTelemetry,
  waitForLoopStart,
  workBetween,
} from './overheadPage.ts';
import {
  CONDITIONS,
  type ConditionSummary,
  offSpread,
  roundOrder,
  summarize,
  TOLERANCE,
  type WindowMeasure,
} from './overheadSummary.ts';
import { OVERHEAD_USAGE, type OverheadArgs, parseOverheadArgs } from './telemetryOverheadArgs.ts';

const fail: (message: string, code: number) => never = failer('telemetry-overhead');
const log = (line: string) => process.stderr.write(`${line}\n`);
const f = (v: number | null, d = 1) => (v === null ? '-' : v.toFixed(d));
const WARMUP_MS = 3000;

function printTable(s: Record<string, ConditionSummary>, spread: number | null, intervalS: number): void {
  log(
    `${'condition'.padEnd(10)} ${'median fps'.padStart(10)} ${'vs off'.padStart(7)} ${'paired'.padStart(7)} ${'within 5%'.padStart(9)} ${'ms/export'.padStart(9)} ${'ms/s'.padStart(6)} ${'exports'.padStart(7)} ${'requests'.padStart(8)} ${'B/request'.padStart(9)} ${'kB/min'.padStart(7)}  fps per window`,
  );
  for (const c of CONDITIONS) {
    const r = s[c] as ConditionSummary;
    const within = r.withinFivePercent === null ? '' : r.withinFivePercent ? 'yes' : 'NO';
    log(
      `${c.padEnd(10)} ${f(r.medianFps, 2).padStart(10)} ${f(r.ratioToOff, 3).padStart(7)} ${f(r.pairedRatio, 3).padStart(7)} ${within.padStart(9)} ${f(r.mainThreadMsPerExport, 2).padStart(9)} ${f(r.mainThreadMsPerSecond, 2).padStart(6)} ${String(r.exportCalls).padStart(7)} ${String(r.requests).padStart(8)} ${f(r.bytesPerRequest, 0).padStart(9)} ${f(r.bytesPerMinute / 1000, 1).padStart(7)}  ${r.fps.map((v) => v.toFixed(1)).join(' ')}`,
    );
  }
  const ok = s.ok;
  log(
    `off windows spread (max-min)/median: ${spread === null ? '-' : `${(spread * 100).toFixed(1)}%`} (the machine's own noise); ` +
      `at the app's default 15 s interval the ok collector would get about ${f(ok?.bytesPerRequest ? (ok.bytesPerRequest * 60) / 15 / 1000 : null, 1)} kB/min (this run: every ${intervalS} s)`,
  );
}

async function run(args: OverheadArgs): Promise<void> {
  await ensureBuilt(log);
  const stub = await OtlpStubCollector.start();
  // The preview server's /otlp proxy reads this when it starts: the page posts to its own origin, as in production.
  process.env.SEGMETER_OTLP_TARGET = stub.url;
  const loadAtStart = loadavg();
  const app = await openHeadlessApp();
  const windows: WindowMeasure[] = [];
  try {
    const { page } = app;
    await openLiveView(page, app.url, args.backend);
    await prepareTelemetryPanel(page, args.intervalS);
    await page.waitForTimeout(WARMUP_MS);
    for (let round = 0; round < args.rounds; round++) {
      for (const condition of roundOrder(round)) {
        // Requests count from the collector's switch to this condition (one may arrive while the page switches), and
        // for off from the moment every exporter has settled (what a stopped exporter sent last is not off's).
        let sentFrom = Date.now();
        if (condition === 'off') {
          await switchTelemetry(page, false);
          sentFrom = Date.now();
        } else {
          stub.mode = condition;
          await switchTelemetry(page, true);
        }
        await page.waitForTimeout(args.settleS * 1000);
        const clipStart = await waitForLoopStart(page);
        const a = await readPage(page);
        await page.waitForTimeout(args.windowS * 1000);
        const b = await readPage(page);
        const sentTo = Date.now();
        const sent = stub.between(sentFrom, sentTo);
        const seconds = (b.at - a.at) / 1000;
        const w: WindowMeasure = {
          round,
          condition,
          seconds,
          frames: b.frames - a.frames,
          fps: (b.frames - a.frames) / seconds,
          work: condition === 'off' ? null : workBetween(a, b),
          sentSeconds: (sentTo - sentFrom) / 1000,
          requests: sent.length,
          bytes: sent.reduce((t, r) => t + r.bytes, 0),
          state: b.state,
          clipStart,
        };
        windows.push(w);
        log(
          `round ${round + 1}/${args.rounds} ${condition.padEnd(4)}: ${w.fps.toFixed(2)} fps over ${seconds.toFixed(1)} s from clip time ${clipStart.toFixed(2)} s, ${w.requests} requests${w.state ? `, export state ${w.state}` : ''}`,
        );
      }
    }
    await switchTelemetry(page, false);
  } finally {
    await app.close();
    await stub.close();
  }
  const conditions = summarize(windows);
  const spread = offSpread(windows);
  printTable(conditions, spread, args.intervalS);
  const host = { cpus: cpus().length, loadAverage: { start: loadAtStart, end: loadavg() } };
  process.stdout.write(
    `${JSON.stringify({ ...args, tolerance: TOLERANCE, offSpread: spread, conditions, windows, host })}\n`,
  );
}

let args: OverheadArgs;
try {
  args = parseOverheadArgs(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof InputError)) throw err;
  fail(`${err.message} (${OVERHEAD_USAGE})`, 1);
}
run(args).catch((err: Error) => fail(err.message.split('\n')[0], 1));
