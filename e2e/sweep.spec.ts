import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { DEFAULT_GATE_SETTINGS } from '../src/core/gate/gateSettings';
import type { CostOfQuality } from '../src/core/sweep/costOfQuality';
import { dominates } from '../src/core/sweep/paretoFront';
import { recommendPoint } from '../src/core/sweep/recommendPoint';
import type { SweepResult } from '../src/core/sweep/sweepTypes';
import { openApp, snapshot } from './app';
import { FIXTURES, SHORT_CLIP } from './globalSetup';

// The CLIs build and serve the same folder the specs are served from (E2E_DIST), not another person's dist/.
const env = { ...process.env, SEGMETER_DIST: process.env.SEGMETER_DIST ?? process.env.E2E_DIST ?? 'dist' };
const sweep = (...args: string[]) =>
  spawnSync('node_modules/.bin/tsx', ['src/cli/sweep.ts', ...args], {
    encoding: 'utf8',
    timeout: 170_000,
    env,
  });

/** Two seconds (60 frames) of the sample clip: globalSetup's when it makes one, else made here. */
function shortClip(): string {
  if (existsSync(SHORT_CLIP)) return SHORT_CLIP;
  const clip = join(FIXTURES, 'sweep-short.mp4');
  if (!existsSync(clip)) {
    const source = join(process.cwd(), 'public', 'sample', 'motion_asl_signer_640x480.mp4');
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', source, '-t', '2', '-an', clip]);
  }
  return clip;
}

/** Four settings, from every frame (max quality) to a loose gate, so the front has both ends. */
const GRID = [
  { maxQuality: true },
  {},
  { staticThreshold: 1.5, motionThreshold: 1.5 },
  { staticThreshold: 7, motionThreshold: 7, maxSkipFrames: 60, refreshFrames: 60 },
];

function gridFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sweep-grid-')), 'grid.json');
  writeFileSync(path, JSON.stringify(GRID));
  return path;
}

test('npm run sweep on a short clip prints points, a valid front and a consistent recommendation', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'sweep-')), 'sweep.json');
  const run = sweep('--video', shortClip(), '--grid', gridFile(), '--backend', 'wasm', '--out', out);
  expect(run.status, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as SweepResult;
  expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(result);
  expect(result.frames).toBe(60);
  expect(result.points).toHaveLength(GRID.length);
  for (const p of result.points) {
    expect(p.skipRatio).toBeGreaterThanOrEqual(0);
    expect(p.skipRatio).toBeLessThan(1);
    // Whole inferences out of 60 frames.
    expect(Math.abs((1 - p.skipRatio) * 60 - Math.round((1 - p.skipRatio) * 60))).toBeLessThan(1e-9);
    expect(p.iouMean).toBeGreaterThan(0.5);
    expect(p.iouMean).toBeLessThanOrEqual(1);
    expect(p.iouP05).toBeLessThanOrEqual(p.iouMean + 1e-12);
    expect(p.asIfUSDPer1000Frames).toBeCloseTo((1 - p.skipRatio) * 1000 * 0.001, 12);
  }
  // Max quality infers every frame and shows the reference itself.
  expect(result.points[0]).toMatchObject({ skipRatio: 0, iouMean: 1, iouP05: 1 });
  expect(result.points[1].gate).toEqual(DEFAULT_GATE_SETTINGS);
  // The front: valid, distinct indexes; none of them dominated, every other point dominated.
  expect(new Set(result.pareto).size).toBe(result.pareto.length);
  for (const i of result.pareto) expect(i >= 0 && i < result.points.length).toBe(true);
  result.points.forEach((p, i) => {
    const dominated = result.points.some((q) => dominates(q, p));
    expect(result.pareto.includes(i)).toBe(!dominated);
  });
  // The recommendation follows the rule.
  const best = recommendPoint(result.points, 0.95, 0.85);
  expect(result.recommended).toEqual(best === null ? null : result.points[best]);
});

test('npm run sweep --targets prices the cost of quality per target, with and without warp', async () => {
  const run = sweep('--video', shortClip(), '--backend', 'wasm', '--targets', '0.9,0.97', '--warp', 'on,off');
  expect(run.status, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '') as SweepResult & {
    costOfQuality: CostOfQuality;
  };
  // The default settings, at each target, warp on and off: four points, each holding its target.
  expect(result.points).toHaveLength(4);
  expect(result.points.map((p) => [p.policy, p.target?.iouMean, p.gate.warp])).toEqual([
    ['target', 0.9, true],
    ['target', 0.9, false],
    ['target', 0.97, true],
    ['target', 0.97, false],
  ]);
  const cost = result.costOfQuality;
  expect(cost.rows).toHaveLength(4);
  for (const r of cost.rows) {
    const p = result.points.find((q) => q.target?.iouMean === r.target && q.gate.warp === r.warp);
    expect(r.inferencesPerFrame).toBeCloseTo(1 - (p?.skipRatio ?? Number.NaN), 12);
    // The Report's default month: 900,000 frames at $0.001 an image.
    expect(r.monthlyUSD).toBeCloseTo(r.inferencesPerFrame * 900, 9);
  }
  expect(cost.sentences).toHaveLength(2);
  expect(cost.sentences[0]).toMatch(
    /^Mean IoU 0\.97 costs \$[\d,.]+ (more|less) a month than 0\.9 \(per-image entry/,
  );
  expect(run.stderr).toContain(cost.sentences[0]);
});

test('npm run sweep: bad input is one line on stderr and a non-zero exit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sweep-bad-'));
  const missing = sweep('--video', join(dir, 'nope.mp4'));
  expect(missing.status).not.toBe(0);
  expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  expect(missing.stderr).toMatch(/cannot read video .*nope\.mp4/);
  const bad = join(dir, 'grid.json');
  writeFileSync(bad, JSON.stringify([{ staticThreshold: 'x' }, { bogus: 1 }]));
  const badGrid = sweep('--video', shortClip(), '--grid', bad);
  expect(badGrid.status).not.toBe(0);
  expect(badGrid.stderr.trim().split('\n')).toHaveLength(1);
  expect(badGrid.stderr).toMatch(/\[0\]\.staticThreshold: .*\[1\]\.bogus: unknown field/);
});

test('the Sweep view runs on a clip, can be cancelled, plots the front and applies a setting live', async ({
  page,
}) => {
  await openApp(page, '?backend=wasm&view=sweep');
  await expect(page.getByTestId('tab-sweep')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('sweep-file').setInputFiles(shortClip());
  await page.getByTestId('sweep-grid-file').setInputFiles(gridFile());
  await expect(page.getByTestId('sweep-grid')).toContainText('4 settings');

  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-progress')).toContainText(/point-frames/);
  await page.getByTestId('sweep-cancel').click();
  await expect(page.getByTestId('sweep-error')).toHaveText('Sweep cancelled.');

  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-chart')).toBeVisible({ timeout: 150_000 });
  await expect(page.getByTestId('sweep-chart').locator('.recharts-scatter-symbol').first()).toBeVisible();
  await expect(page.getByTestId('sweep-table').locator('tbody tr')).toHaveCount(4);
  // The grid holds max quality (every frame, IoU 1), so a setting always meets the target: there must be one.
  await expect(page.getByTestId('sweep-recommended')).toContainText(/^Recommended: setting [0-3], skips \d/);

  const before = (await snapshot(page)).gate.settings;
  expect(before.staticThreshold).toBe(DEFAULT_GATE_SETTINGS.staticThreshold);
  await page.getByTestId('apply-2').click();
  await expect(page.getByTestId('apply-2')).toHaveText('Applied');
  const after = (await snapshot(page)).gate.settings;
  expect(after).toMatchObject({ staticThreshold: 1.5, motionThreshold: 1.5 });

  // The live session kept running under the tab, and Live shows the applied gate.
  await page.getByTestId('tab-live').click();
  await expect(page).not.toHaveURL(/view=/);
  await expect(page.getByTestId('stage')).toBeVisible();
});
