/**
 * npm run report -- --scenario FILE [--bench FILE] [--sweep FILE] [--out DIR (default bench-out/report)]
 *
 * Prices a scenario with measured figures (a bench output sets the inference ratio, quality and model time; a sweep
 * output its recommended point and its chart) and renders the app's Report view headlessly from its URL into
 * DIR/report.pdf and DIR/report.png, with DIR/report.json (the figures, and the URL that reproduces the report) and
 * DIR/report.csv (one row per provider row of the JSON). The last line of stdout is the JSON.
 * Bad input: one line on stderr, exit 1; bad command line: exit 2.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDefaultCatalog } from '../core/pricing/defaultCatalog.ts';
import { parseScenario } from '../core/pricing/scenarioSchema.ts';
import { buildReport } from '../core/report/buildReport.ts';
import {
  type MeasuredFigures,
  measuredFromBench,
  measuredFromSweep,
} from '../core/report/measuredFigures.ts';
import { reportCsv } from '../core/report/reportCsv.ts';
import { reportQuery } from '../core/report/reportQuery.ts';
import { checkedInput, failer, readInputText } from './cliInput.ts';
import { ensureBuilt, openHeadlessApp } from './headlessApp.ts';

const USAGE = 'usage: report --scenario FILE [--bench FILE] [--sweep FILE] [--out DIR]';

// Annotated so that TypeScript knows a call never returns.
const fail: (message: string, code: number) => never = failer('report');

async function main(): Promise<void> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        scenario: { type: 'string' },
        bench: { type: 'string' },
        sweep: { type: 'string' },
        out: { type: 'string', default: 'bench-out/report' },
      },
      strict: true,
    }));
  } catch (err) {
    fail(`${(err as Error).message.split('\n')[0]}; ${USAGE}`, 2);
  }
  if (!values.scenario) fail(`--scenario is required; ${USAGE}`, 2);
  const catalog = loadDefaultCatalog();
  let report: ReturnType<typeof buildReport>;
  let query: string;
  try {
    const scenario = checkedInput(
      'scenario',
      values.scenario,
      parseScenario(readInputText('scenario', values.scenario), catalog),
    );
    const bench = values.bench
      ? checkedInput('bench file', values.bench, measuredFromBench(readInputText('bench file', values.bench)))
      : null;
    const sweep = values.sweep
      ? checkedInput('sweep file', values.sweep, measuredFromSweep(readInputText('sweep file', values.sweep)))
      : null;
    // A bench measured the gate as run (with its model time); a sweep adds its chart.
    const measured: MeasuredFigures | null = bench
      ? { ...bench, ...(sweep ? { sweep: sweep.sweep } : {}) }
      : sweep;
    report = buildReport(scenario, measured, catalog);
    query = reportQuery(scenario, measured);
  } catch (err) {
    fail((err as Error).message, 1);
  }

  const out = resolve(values.out ?? 'bench-out/report');
  try {
    mkdirSync(out, { recursive: true });
  } catch (err) {
    fail(`cannot create ${out} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, 1);
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  await ensureBuilt(log);
  const app = await openHeadlessApp();
  try {
    const { page } = app;
    // bench=1: no sample clip to decode behind the report; wasm: no backend timing on start.
    await page.goto(`${app.url}/?bench=1&backend=wasm&${query}`);
    await page.waitForSelector('[data-testid=report][data-ready=true]', { timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(out, 'report.pdf'), format: 'A4', printBackground: true });
    await page.screenshot({ path: join(out, 'report.png'), fullPage: true });
  } finally {
    await app.close();
  }
  const json = JSON.stringify({ url: `/?${query}`, ...report });
  writeFileSync(join(out, 'report.json'), `${json}\n`);
  writeFileSync(join(out, 'report.csv'), reportCsv(report.providers));
  log(`wrote report.pdf, report.png, report.json and report.csv to ${out}`);
  process.stdout.write(`${json}\n`);
}

main().catch((err: Error) => fail(err.message.split('\n')[0], 1));
