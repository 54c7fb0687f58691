import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SHARED_MEDIA } from './globalSetup';

// The CLIs drive their own headless Chromium against the build under test (E2E_DIST, else dist).
const cli = (script: string, ...args: string[]) =>
  spawnSync('node_modules/.bin/tsx', [`src/cli/${script}.ts`, ...args], {
    encoding: 'utf8',
    timeout: 280_000,
    env: { ...process.env, SEGMETER_DIST: process.env.E2E_DIST ?? 'dist' },
  });
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop() ?? '');

test('measure --rows wasm prints one row with its anchors and finite, positive ratios', async () => {
  test.setTimeout(300_000);
  const run = cli('measure', '--seconds', '3', '--rows', 'wasm');
  expect(run.status, run.stderr).toBe(0);
  const result = lastJson(run.stdout);
  expect(result.seconds).toBe(3);
  expect(result.rows).toHaveLength(1);
  const [row] = result.rows;
  expect(row).toMatchObject({
    model: 'selfie-general-tfjs',
    requested: 'wasm',
    runtime: 'tfjs',
    backend: 'wasm',
  });
  for (const key of [
    'modelMsP50',
    'endToEndMsP50',
    'inferenceFps',
    'displayFps',
    'sourceFps',
    'bareModelMsP50',
    'timeToFirstMaskMs',
  ]) {
    expect(row[key], key).toBeGreaterThan(0);
    expect(Number.isFinite(row[key]), key).toBe(true);
  }
  expect(row.longTasksPerMinute).toBeGreaterThanOrEqual(0);
  expect(row.longestTaskMs).toBeGreaterThanOrEqual(0);
  // A long task is at least 50 ms by definition: none, or one of 50 ms or more.
  expect(row.longestTaskMs === 0 || row.longestTaskMs >= 50).toBe(true);
  expect(Object.keys(row.ratios).sort()).toEqual([
    'displayOverDemo',
    'displayOverSource',
    'endToEndOverModel',
    'modelOverBare',
  ]);
  for (const [key, value] of Object.entries(row.ratios as Record<string, number>)) {
    expect(Number.isFinite(value), key).toBe(true);
    expect(value, key).toBeGreaterThan(0);
  }
  expect(row.ratios.endToEndOverModel).toBeCloseTo(row.endToEndMsP50 / row.modelMsP50, 9);
  expect(row.ratios.modelOverBare).toBeCloseTo(row.modelMsP50 / row.bareModelMsP50, 9);
  expect(result.demoLoop).toMatchObject({ backend: 'wasm' });
  expect(result.demoLoop.displayFps).toBeGreaterThan(0);
  expect(result.demoLoop.timeToFirstMaskMs).toBeGreaterThan(0);
  expect(row.ratios.displayOverDemo).toBeCloseTo(row.displayFps / result.demoLoop.displayFps, 9);
  expect(result.host.cpus).toBeGreaterThan(0);
  expect(result.host.loadAverage.start).toHaveLength(3);
});

test('measure refuses a bad --seconds in one line, exit 1, before starting a browser', async () => {
  for (const args of [['--seconds', 'abc'], ['--seconds', '0'], ['--seconds=-5']]) {
    const run = cli('measure', ...args);
    expect(run.status, args.join(' ')).toBe(1);
    expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    expect(run.stderr).toMatch(/^measure: --seconds must be a number/);
    expect(run.stdout).toBe('');
  }
});

test('bench --realtime plays a 2 s clip live and scores its displayed masks beside the frame-stepped run', async () => {
  test.setTimeout(300_000);
  const clip = join(mkdtempSync(join(tmpdir(), 'realtime-')), 'walk.mp4');
  const ffmpeg = spawnSync('ffmpeg', [
    ...['-loglevel', 'error', '-y', '-ss', '3', '-i', join(SHARED_MEDIA, 'walk_in_out_640x480.mp4')],
    ...['-t', '2', '-an', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', clip],
  ]);
  expect(ffmpeg.status, String(ffmpeg.stderr)).toBe(0);
  const run = cli('bench', '--video', clip, '--backend', 'wasm', '--realtime');
  expect(run.status, run.stderr).toBe(0);
  const result = lastJson(run.stdout);
  const r = result.realtime;
  expect(r.sourceFrames).toBe(result.frames);
  expect(r.frames).toBeGreaterThan(0);
  expect(r.frames + r.unmasked).toBeLessThanOrEqual(r.sourceFrames + 1);
  expect(r.inferences).toBeGreaterThan(0);
  expect(Number.isInteger(r.busy) && r.busy >= 0).toBe(true);
  // Live too, every gate thumbnail comes from the decoded frame's luma plane (WebCodecs), none from a GPU readback.
  expect(r.thumbnails.luma).toBeGreaterThan(0);
  expect(r.thumbnails.canvas).toBe(0);
  for (const key of ['iouMean', 'iouP05']) {
    expect(r[key], key).toBeGreaterThanOrEqual(0);
    expect(r[key], key).toBeLessThanOrEqual(1);
  }
  expect(r.iouP05).toBeLessThanOrEqual(r.iouMean);
  expect(r.frameSteppedIouMean).toBe(result.quality.iouMean);
  expect(r.frameSteppedIouP05).toBe(result.quality.iouP05);

  const refused = cli('bench', '--video', clip, '--realtime', '--inject-runaway', '3');
  expect(refused.status).toBe(2);
  expect(refused.stderr).toMatch(/--realtime .* does not take --budget, --inject-runaway or --dump/);
});
