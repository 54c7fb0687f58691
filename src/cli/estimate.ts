/**
 * npm run estimate -- --scenario FILE [--catalog FILE] [--bench FILE] [--json] [--format table|json|focus]
 *
 * Projects a month of usage through every selected catalog entry. With --json (or --format json) the last line of
 * stdout is one JSON object (full precision); with --format focus, a FOCUS 1.2 CSV of this month's as-if charges (see
 * src/core/report/focusCsv.ts); otherwise an aligned table with each price's source and date, and break-even volumes.
 * Exit codes: 0 ok, 1 bad or missing input (each bad field on stderr), 2 bad command line.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { breakEvenVsFleet } from '../core/pricing/breakEven.ts';
import { type Catalog, parseCatalog } from '../core/pricing/catalogSchema.ts';
import { loadDefaultCatalog } from '../core/pricing/defaultCatalog.ts';
import { parseJsonText } from '../core/pricing/parseJsonText.ts';
import { type Projection, projectMonthly } from '../core/pricing/projectMonthly.ts';
import { parseScenario, type Scenario } from '../core/pricing/scenarioSchema.ts';
import { projectionCharges } from '../core/report/focusCharges.ts';
import { focusCsv } from '../core/report/focusCsv.ts';

const USAGE =
  'usage: estimate --scenario FILE [--catalog FILE] [--bench FILE] [--json] [--format table|json|focus]';
const FORMATS = ['table', 'json', 'focus'];

class InputError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new InputError([`estimate: cannot read ${what} file ${path} (${code})`]);
  }
  const parsed = parseJsonText(text);
  if (parsed.ok) return parsed.value;
  // A bench's stdout may be saved whole: its result is the last line. Only there: a scenario or a catalog with a
  // comment line is refused, not read from its last line.
  const last = text.trim().split('\n').pop() ?? '';
  const lastLine = what === 'bench' ? parseJsonText(last) : parsed;
  if (lastLine.ok) return lastLine.value;
  throw new InputError([`${what} ${path}: not valid JSON (${parsed.error})`]);
}

/** inferenceRatio = 1 - skipRatio of a bench output (or 1 - (1 - inferences / frames) when skipRatio is absent). */
function benchInferenceRatio(bench: unknown, path: string): number {
  const errors: string[] = [];
  if (typeof bench === 'object' && bench !== null && !Array.isArray(bench)) {
    const b = bench as Record<string, unknown>;
    if (typeof b.skipRatio === 'number') {
      if (b.skipRatio >= 0 && b.skipRatio <= 1) return 1 - b.skipRatio;
      errors.push(`bench ${path}: skipRatio: must be between 0 and 1`);
    } else if (
      b.skipRatio === undefined &&
      typeof b.frames === 'number' &&
      typeof b.inferences === 'number'
    ) {
      if (b.frames > 0 && b.inferences >= 0 && b.inferences <= b.frames) return b.inferences / b.frames;
      errors.push(`bench ${path}: frames/inferences: need 0 <= inferences <= frames and frames > 0`);
    } else {
      errors.push(`bench ${path}: skipRatio: expected number`);
    }
  } else {
    errors.push(`bench ${path}: (root): expected object`);
  }
  throw new InputError(errors);
}

function loadCatalog(path: string | undefined): Catalog {
  if (path === undefined) return loadDefaultCatalog();
  const parsed = parseCatalog(readJson(path, 'catalog'));
  if (!parsed.ok) throw new InputError(parsed.errors.map((e) => `catalog ${path}: ${e}`));
  return parsed.value;
}

function loadScenario(path: string, catalog: Catalog, benchPath: string | undefined): Scenario {
  const parsed = parseScenario(readJson(path, 'scenario'), catalog);
  if (!parsed.ok) throw new InputError(parsed.errors.map((e) => `scenario ${path}: ${e}`));
  if (benchPath === undefined) return parsed.value;
  return { ...parsed.value, inferenceRatio: benchInferenceRatio(readJson(benchPath, 'bench'), benchPath) };
}

/** Display only: JSON keeps full precision. Cents from $1 up, four significant digits below. */
function usd(x: number | null): string {
  if (x === null) return 'no price';
  if (x === 0) return '$0';
  if (Math.abs(x) >= 1) {
    return `$${x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  // Four significant digits, trailing zeros dropped, but never fewer than cents: $0.30, $0.01667, $0.0001275.
  const digits = Math.max(2, 3 - Math.floor(Math.log10(Math.abs(x))));
  return `$${x.toFixed(digits).replace(/(\.\d\d\d*?)0+$/, '$1')}`;
}

function count(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: x < 100 ? 3 : 0 });
}

function table(rows: string[][], rightAligned: ReadonlySet<number>): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function render(scenario: Scenario, catalog: Catalog, projection: Projection): string {
  const byId = new Map(catalog.map((e) => [e.id, e]));
  const out: string[] = [
    `Scenario: ${count(scenario.users)} users x ${count(scenario.secondsPerUserPerDay)} s/day x ${count(scenario.fps)} fps x ${count(scenario.days)} days, ` +
      `${count(scenario.sessionsPerUserPerDay)} session(s)/user/day, inference ratio ${scenario.inferenceRatio.toFixed(3)}`,
    `Frames/month ${count(projection.framesPerMonth)}, inferences/month ${count(projection.inferencesPerMonth)}, ` +
      `sessions/month ${count(projection.sessionsPerMonth)}`,
    '',
  ];
  const rows = [
    [
      'id',
      'unit',
      'billed units',
      'monthly',
      'every-frame',
      'per session',
      'per 1k frames',
      'fleet/month',
      'inst',
      'confidence',
      'seen',
      'source',
    ],
  ];
  for (const p of projection.providers) {
    const entry = byId.get(p.id);
    rows.push([
      p.id,
      entry?.rounding === 'ceil-per-session' ? `${p.unit} (ceil/session)` : p.unit,
      count(p.billedUnits),
      usd(p.monthlyUSD),
      usd(p.everyFrameMonthlyUSD),
      usd(p.perSessionUSD),
      usd(p.perThousandFramesUSD),
      p.instances === null ? '' : usd(p.fleetMonthlyUSD),
      p.instances === null ? '' : String(p.instances),
      entry?.confidence ?? '',
      entry?.seenDate ?? '',
      entry?.sourceUrl ?? '',
    ]);
  }
  out.push(table(rows, new Set([2, 3, 4, 5, 6, 7, 8])));
  out.push(
    '',
    '"hour" rows: monthly = busy hours at full utilisation; fleet = always-on instances for the peak, 24 h x days.',
    'Throughput (fps) of GPU entries is an assumption unless its notes say measured; see the catalog notes.',
  );
  const fleet = breakEvenVsFleet(scenario, catalog);
  if (fleet.length > 0) {
    const first = fleet[0];
    out.push(
      '',
      `Break-even: monthly frames above which the cheapest fleet (${first?.fleetId}, ${usd(first?.fleetMonthlyUSD ?? null)}/month) beats each per-use option`,
      "(fleet held at the scenario's peak; more users at a higher peak need a bigger fleet)",
    );
    const beRows = [['per-use option', 'frames/month']];
    for (const b of fleet) beRows.push([b.id, b.framesPerMonth === null ? 'never' : count(b.framesPerMonth)]);
    out.push(table(beRows, new Set([1])));
  }
  return out.join('\n');
}

function main(argv: string[]): number {
  let values: { scenario?: string; catalog?: string; bench?: string; json?: boolean; format?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        scenario: { type: 'string' },
        catalog: { type: 'string' },
        bench: { type: 'string' },
        json: { type: 'boolean' },
        format: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(`estimate: ${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    return 2;
  }
  const format = values.format ?? (values.json ? 'json' : 'table');
  if (!FORMATS.includes(format) || (values.json && format !== 'json')) {
    process.stderr.write(
      `estimate: --format must be one of ${FORMATS.join(', ')} (--json is --format json)\n${USAGE}\n`,
    );
    return 2;
  }
  if (values.scenario === undefined) {
    process.stderr.write(`estimate: --scenario is required\n${USAGE}\n`);
    return 2;
  }
  try {
    const catalog = loadCatalog(values.catalog);
    const scenario = loadScenario(values.scenario, catalog, values.bench);
    const projection = projectMonthly(scenario, catalog);
    const policy = values.bench ? 'bench' : 'as entered';
    if (format === 'focus')
      process.stdout.write(focusCsv(projectionCharges(scenario, catalog, { policy, month: new Date() })));
    else if (format === 'json') process.stdout.write(`${JSON.stringify(projection)}\n`);
    else process.stdout.write(`${render(scenario, catalog, projection)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`${e.lines.join('\n')}\n`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
