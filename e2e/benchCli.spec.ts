import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FULL_MASKS, SHORT_CLIP } from './globalSetup';

// The bench drives its own headless Chromium against the built app; these runs check its contract.
const bench = (...args: string[]) =>
  spawnSync('node_modules/.bin/tsx', ['src/cli/bench.ts', ...args], { encoding: 'utf8', timeout: 170_000 });

test('npm run bench on a short clip prints its JSON with every field in range', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'bench.json');
  const run = bench('--video', SHORT_CLIP, '--backend', 'wasm', '--masks', FULL_MASKS, '--out', out);
  expect(run.status, run.stderr).toBe(0);
  const last = run.stdout.trim().split('\n').pop() ?? '';
  const result = JSON.parse(last);
  expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(result);
  expect(result).toMatchObject({
    frames: 60,
    fps: 30,
    model: 'selfie-general-tfjs',
    runtime: 'tfjs',
    backend: 'wasm',
    policy: 'target',
    warp: true,
  });
  expect(result.gate.maxSkipFrames).toBeGreaterThan(0);
  expect(result.inferences).toBeGreaterThan(0);
  expect(result.inferences).toBeLessThan(60);
  expect(result.skipRatio).toBeCloseTo(1 - result.inferences / 60, 12);
  expect(Object.values(result.reasons as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(60);
  expect(result.reasons['first-frame']).toBe(1);
  // The quality target the gate is tuned for (mean IoU >= 0.95 on the clips it was tuned on; this short clip is
  // a cut of the sample): a gate that froze the mask would score far lower.
  expect(result.quality.iouMean).toBeGreaterThanOrEqual(0.9);
  expect(result.quality.iouP05).toBeGreaterThanOrEqual(0.8);
  expect(result.quality.iouMin).toBeGreaterThan(0.5);
  expect(result.quality.iouMean).toBeLessThanOrEqual(1);
  expect(result.quality.iouMin).toBeLessThanOrEqual(result.quality.iouP05);
  expect(result.quality.iouP05).toBeLessThanOrEqual(result.quality.iouMean);
  expect(result.groundTruth.everyFrameIouMean).toBeGreaterThan(0);
  expect(result.groundTruth.everyFrameIouMean).toBeLessThan(1);
  expect(result.timingMs.inferenceP50).toBeGreaterThan(0);
  expect(result.timingMs.inferenceP95).toBeGreaterThanOrEqual(result.timingMs.inferenceP50);
  expect(result.timingMs.gateP50).toBeGreaterThanOrEqual(0);
  // The gate (thumbnail, scores, shift, warp) against one inference; the target itself is a bench figure.
  expect(result.timingMs.gateToInference).toBeCloseTo(
    result.timingMs.gateMean / result.timingMs.inferenceMean,
    12,
  );
  expect(result.timingMs.gateToInference).toBeLessThan(0.5);
  // Chromium decodes the clip to YUV: every thumbnail is read from the luma plane, none needs a GPU readback.
  expect(result.timingMs.thumbnails).toEqual({ luma: 60, canvas: 0 });
  expect(result.target.target).toEqual({ iouMean: 0.95, iouP05: 0.85 });
});

test('every-frame policy runs the model on every frame and shows its own masks', async () => {
  const run = bench('--video', SHORT_CLIP, '--backend', 'wasm', '--policy', 'every-frame');
  expect(run.status, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '');
  expect(result.inferences).toBe(60);
  expect(result.skipRatio).toBe(0);
  expect(result.quality.iouMin).toBe(1);
});

test('bad input: one line on stderr and a non-zero exit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bad-'));
  const missing = bench('--video', join(dir, 'nope.mp4'));
  expect(missing.status).toBe(1); // README: 1 for bad input, 2 for a bad command line
  expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  expect(missing.stderr).toMatch(/cannot read video .*nope\.mp4/);

  const gate = join(dir, 'gate.json');
  writeFileSync(gate, JSON.stringify({ staticThreshold: 'low', maxSkipFrames: -1 }));
  const badGate = bench('--video', SHORT_CLIP, '--gate', gate);
  expect(badGate.status).toBe(1);
  expect(badGate.stderr.trim().split('\n')).toHaveLength(1);
  expect(badGate.stderr).toMatch(/staticThreshold.*maxSkipFrames/);

  const noMasks = bench('--video', SHORT_CLIP, '--masks', join(dir, 'no-such-folder'));
  expect(noMasks.status).toBe(1);
  expect(noMasks.stderr).toMatch(/cannot read mask folder/);

  // --out and --events are checked before the run, not after it: one line, nothing benchmarked, exit 1.
  const cases: [string[], RegExp][] = [
    [['--out', join(dir, 'no-such-folder', 'bench.json')], /cannot write --out .*folder .* does not exist/],
    [['--events', dir], /cannot write --events .*: it is a folder/],
  ];
  for (const [args, message] of cases) {
    const r = bench('--video', SHORT_CLIP, ...args);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  }
  const sweep = spawnSync(
    'node_modules/.bin/tsx',
    ['src/cli/sweep.ts', '--video', SHORT_CLIP, '--out', join(dir, 'missing', 'sweep.json')],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(sweep.status).toBe(1);
  expect(sweep.stderr.trim().split('\n')).toHaveLength(1);
  expect(sweep.stderr).toMatch(/cannot write --out/);

  // measure's own bad input is checked in measureCli.spec.ts.
});

test('bench --budget enforces the limits, --events logs every frame, --inject-runaway is caught', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-budget-'));
  const budget = join(dir, 'budget.json');
  writeFileSync(
    budget,
    JSON.stringify({ catalogId: 'aws-rekognition-image-group2', limitUSD: 0.005, softAt: 0.6 }),
  );
  const events = join(dir, 'events.ndjson');
  const run = bench(
    '--video',
    SHORT_CLIP,
    '--backend',
    'wasm',
    '--policy',
    'every-frame',
    '--budget',
    budget,
    '--events',
    events,
  );
  expect(run.status, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '');
  // $0.001 an image: soft after the 3rd inference ($0.003), hard at the 5th ($0.005), nothing after it.
  expect(result.budget.softAtFrame).toBe(2);
  expect(result.budget.hardAtFrame).toBeGreaterThan(result.budget.softAtFrame);
  expect(result.budget.costAtHardUSD).toBeCloseTo(0.005, 12);
  expect(result.budget.inferencesAfterHard).toBe(0);
  expect(result.inferences).toBe(5);
  expect(result.reasons['cost-saver']).toBeGreaterThan(0);
  expect(result.reasons.budget).toBeGreaterThan(0);
  const lines = readFileSync(events, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines).toHaveLength(60);
  expect(lines.map((l) => l.frame)).toEqual([...Array(60).keys()]);
  expect(lines.filter((l) => l.ran).length).toBe(5);
  expect(lines.reduce((a, l) => a + l.asIfCostUSD['aws-rekognition-image-group2'], 0)).toBeCloseTo(0.005, 12);
  expect(lines.find((l) => l.frame === 40)?.mode).toBe('paused');

  const runaway = bench('--video', SHORT_CLIP, '--backend', 'wasm', '--inject-runaway', '10');
  expect(runaway.status, runaway.stderr).toBe(0);
  const r = JSON.parse(runaway.stdout.trim().split('\n').pop() ?? '');
  expect(r.anomaly).toEqual({ detectedAtFrame: 10, action: 'inference-disabled' });
  expect(r.budget).toBeNull();
});

test('bench --dump writes the gate study cache, and the Node replay of it makes the same decisions as the bench', async () => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'dump-'));
  const run = bench('--video', SHORT_CLIP, '--backend', 'wasm', '--policy', 'adaptive', '--dump', dir);
  expect(run.status, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '');
  const { loadOrBuildClipCache } = await import('../scripts/gateStudyCache');
  const { buildIouTable } = await import('../scripts/gateStudyTables');
  const { ShiftedIou, simulate } = await import('../scripts/targetSim');
  // Read from the dump (a missing file would make the study infer the clip itself, in minutes, and log it).
  const cache = await loadOrBuildClipCache(SHORT_CLIP, dir);
  expect(cache.frames).toBe(60);
  expect(cache.masks.length).toBe((60 * 640 * 480) / 32);
  expect(cache.thumbs.length).toBe(60 * 64 * 48);
  const peak = cache.maskThumbs.reduce((a, b) => Math.max(a, b), 0);
  expect(peak).toBeLessThanOrEqual(1);
  expect(peak).toBeGreaterThan(0.5);
  // The same gate class on the app's own thumbnails and masks: the same inferences and the same quality.
  const table = buildIouTable(cache, dir);
  const sim = simulate(table, new ShiftedIou(table), { policy: 'manual', warp: true });
  expect(sim.inferences).toBe(result.inferences);
  expect(sim.iouMean).toBeCloseTo(result.quality.iouMean, 2);
  // --realtime plays live and does not step frames: nothing to dump.
  const refused = bench('--video', SHORT_CLIP, '--realtime', '--dump', dir);
  expect(refused.status).toBe(2);
  expect(refused.stderr).toMatch(/does not take --budget, --inject-runaway or --dump/);
});
