import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { EVENT_WINDOW, windowSlack } from '../src/core/fold/FrameEventStore';

// The soak drives its own headless Chromium against the build under test (E2E_DIST, else dist).
const soak = (...args: string[]) =>
  spawnSync('node_modules/.bin/tsx', ['src/cli/soak.ts', ...args], {
    encoding: 'utf8',
    timeout: 280_000,
    env: { ...process.env, SEGMETER_DIST: process.env.E2E_DIST ?? 'dist' },
  });

test('a 40 s soak prints a line per sample and one JSON object: totals equal to the log, stored events bounded', async () => {
  test.setTimeout(300_000);
  const run = soak('--minutes', '0.67', '--sample-seconds', '10');
  expect(run.status, run.stderr).toBe(0);
  const lines = run.stdout.trim().split('\n');
  const result = JSON.parse(lines.pop() ?? '');
  expect(lines.filter((l) => /^minute \d+\.\d\d: heap [\d.]+ MB/.test(l))).toHaveLength(
    result.samples.length,
  );
  expect(result.minutes).toBe(0.67);
  expect(result.samples.length).toBeGreaterThanOrEqual(4);
  let previous = 0;
  for (const s of result.samples) {
    expect(Object.keys(s).sort()).toEqual([
      'heapMB',
      'minute',
      'storedEvents',
      'storedInferences',
      'tensors',
      'workerHeapMB',
    ]);
    expect(s.minute).toBeGreaterThan(previous);
    previous = s.minute;
    expect(s.heapMB).toBeGreaterThan(1);
    expect(s.tensors).toBeGreaterThan(0);
    // Each worker's own heap, read through CDP: the segmenter holds the model, the compositor the stage.
    expect(s.workerHeapMB.segmenter).toBeGreaterThan(0.5);
    expect(s.workerHeapMB.compositor).toBeGreaterThan(0);
    // The store keeps a window, never the whole session: at most an eighth over EVENT_WINDOW, no more than was shown.
    expect(s.storedEvents).toBeGreaterThan(0);
    expect(s.storedEvents).toBeLessThan(
      Math.min(EVENT_WINDOW + windowSlack(EVENT_WINDOW), result.frames + 1),
    );
    expect(s.storedInferences).toBeLessThanOrEqual(s.storedEvents);
  }
  expect(result.samples.at(-1).minute).toBeGreaterThanOrEqual(0.67);
  expect(result.frames).toBeGreaterThan(0);
  expect(result.inferences).toBeGreaterThan(0);
  expect(result.inferences).toBeLessThanOrEqual(result.frames);
  // Every frame was pulled past the window, and the whole log prices to the cost panel's totals for every entry.
  expect(result.log).toMatchObject({ frames: result.frames, lostEvents: 0, mismatches: [] });
  expect(result.log.entriesCompared).toBeGreaterThan(10);
  expect(result.totalsMatchLog).toBe(true);
  // The verdict: page plus worker heaps, the last sample against the first (no sample at minute 1 in 40 s).
  expect(result.heapGrowthSinceMinute).toBe(result.samples[0].minute);
  expect(typeof result.heapGrowthMB).toBe('number');
  expect(result.heapFlat).toBe(result.heapGrowthMB < 5);
});

test('soak refuses bad values in one line, exit 1, before starting a browser', async () => {
  for (const args of [
    ['--minutes', 'abc'],
    ['--minutes', '0'],
    [],
    ['--minutes', '1', '--sample-seconds=-3'],
    ['--minutes', '1', '--video', 'no/such/clip.mp4'],
  ]) {
    const run = soak(...args);
    expect(run.status, args.join(' ')).toBe(1);
    expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    expect(run.stderr).toMatch(/^soak: (--minutes|--sample-seconds|cannot read video)/);
    expect(run.stdout).toBe('');
  }
});
