import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { formatUSD } from '../src/core/pricing/formatUSD';
import type { Report, ReportRow } from '../src/core/report/buildReport';
import { REPORT_CSV_COLUMNS } from '../src/core/report/reportCsv';
import { parseCsv } from './csv';

const env = { ...process.env, SEGMETER_DIST: process.env.SEGMETER_DIST ?? process.env.E2E_DIST ?? 'dist' };
const report = (...args: string[]) =>
  spawnSync('node_modules/.bin/tsx', ['src/cli/report.ts', ...args], {
    encoding: 'utf8',
    timeout: 170_000,
    env,
  });

const SCENARIO = {
  users: 100,
  secondsPerUserPerDay: 10,
  fps: 30,
  days: 30,
  peakConcurrentStreams: 2,
  frameBytes: 50000,
  providers: [
    'aws-rekognition-image-group2',
    'aws-rekognition-video-stored',
    'fal-sam3-video',
    'aws-ec2-g4dn-xlarge',
  ],
};
/** The fields of a bench output the report reads (a real bench is exercised by benchCli.spec.ts). */
const BENCH = {
  video: '/clips/signer.mp4',
  frames: 318,
  policy: 'adaptive',
  skipRatio: 0.8742138364779874,
  quality: { iouMean: 0.96, iouP05: 0.919, iouMin: 0.9 },
  timingMs: { inferenceP50: 12.5 },
};
const SWEEP = {
  video: '/clips/signer.mp4',
  frames: 318,
  points: [
    { skipRatio: 0, iouMean: 1, iouP05: 1 },
    { skipRatio: 0.87, iouMean: 0.96, iouP05: 0.92 },
    { skipRatio: 0.95, iouMean: 0.9, iouP05: 0.8 },
  ],
  pareto: [0, 1, 2],
  recommended: { skipRatio: 0.87, iouMean: 0.96, iouP05: 0.92 },
};

function files() {
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  const write = (name: string, value: unknown) => {
    writeFileSync(join(dir, name), JSON.stringify(value));
    return join(dir, name);
  };
  return {
    dir,
    scenario: write('scenario.json', SCENARIO),
    bench: write('bench.json', BENCH),
    sweep: write('sweep.json', SWEEP),
  };
}

test('npm run report writes a PDF with pages, a PNG, and CSV rows equal to the JSON rows; its URL reproduces the table', async ({
  page,
}) => {
  const f = files();
  const out = join(f.dir, 'out');
  const run = report('--scenario', f.scenario, '--bench', f.bench, '--sweep', f.sweep, '--out', out);
  expect(run.status, run.stderr).toBe(0);
  const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report & { url: string };
  expect(JSON.parse(run.stdout.trim().split('\n').pop() ?? '')).toEqual(json);
  expect(json.providers.map((r) => r.id)).toEqual(SCENARIO.providers);
  expect(json.scenario.inferenceRatio).toBeCloseTo(1 - BENCH.skipRatio, 12);
  const rekognition = json.providers[0];
  expect(rekognition.everyFrameMonthlyUSD).toBeCloseTo(900, 9);
  expect(rekognition.adaptiveMonthlyUSD).toBeCloseTo(900 * (1 - BENCH.skipRatio), 9);

  const pdf = readFileSync(join(out, 'report.pdf'));
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThan(0);
  expect(statSync(join(out, 'report.png')).size).toBeGreaterThan(10_000);

  const [header, ...rows] = parseCsv(readFileSync(join(out, 'report.csv'), 'utf8'));
  expect(header).toEqual([...REPORT_CSV_COLUMNS]);
  expect(rows).toHaveLength(json.providers.length);
  rows.forEach((cells, i) => {
    const row = json.providers[i];
    REPORT_CSV_COLUMNS.forEach((key, k) => {
      const v = row[key];
      expect(cells[k], `${row.id}.${key}`).toBe(v === null ? '' : String(v));
    });
  });

  // The link alone (no files) rebuilds the same table.
  await page.goto(`${json.url}&backend=wasm&bench=1`);
  await expect(page.getByTestId('report')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('tab-report')).toHaveAttribute('aria-selected', 'true');
  for (const row of json.providers as ReportRow[]) {
    const tr = page.getByTestId(`report-row-${row.id}`);
    await expect(tr.getByTestId('every-frame')).toHaveText(formatUSD(row.everyFrameMonthlyUSD));
    await expect(tr.getByTestId('adaptive')).toHaveText(formatUSD(row.adaptiveMonthlyUSD));
  }
  await expect(page.getByTestId('report-quality')).toContainText('0.960');
  await expect(page.getByTestId('report-cost-chart')).toBeVisible();
  await expect(page.getByTestId('sweep-chart')).toBeVisible();
});

test('npm run report: a bad scenario is one line on stderr and a non-zero exit', async () => {
  const f = files();
  const bad = join(f.dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ ...SCENARIO, fps: 'thirty', providers: ['nope'] }));
  const run = report('--scenario', bad, '--out', join(f.dir, 'out'));
  expect(run.status).not.toBe(0);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/fps: .*unknown catalog id "nope"/);
});
