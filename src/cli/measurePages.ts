/**
 * What `npm run measure` does in each page: the app on one row's configuration, and the two anchors (the bare
 * predict loop and the demo-style loop). Every page is a first visit in a fresh browser context, and may make
 * requests to its own origin only.
 */
import type { Page } from '@playwright/test';
import type { LongTask } from '../core/measure/longTaskStats.ts';
import { noticeText } from '../ui/noticeText.ts';
import type { MeasureCompositor, MeasureConfig } from './measureArgs.ts';

export interface AppMeasurement {
  runtime: string | null;
  backend: string | null;
  where: string | null;
  modelMsP50: number | null;
  endToEndMsP50: number | null;
  inferenceFps: number;
  displayFps: number;
  sourceFps: number | null;
  /** Presented source frames the live driver dropped per second because the previous step was still running. */
  droppedPerSecond: number;
  composeMsP50: number | null;
  /** Where the stage was composited, and what compositing cost the main thread per displayed frame (p50 ms). */
  compositor: string | null;
  composeMainMsP50: number | null;
  /** ms from navigation start to the first composited frame with an inferred mask; null if none came. */
  timeToFirstMaskMs: number | null;
  /** Main-thread long tasks from the first mask to the end of the measurement, and its length in ms. */
  longTasks: LongTask[];
  windowMs: [number, number] | null;
  notices: string[];
}

export interface DemoMeasurement {
  backend: string | null;
  displayFps: number;
  timeToFirstMaskMs: number | null;
}

/** Warm-up before measuring: first frames, shader compiles, the first inferences' allocations. */
const WARMUP_MS = 3000;
const FIRST_MASK_TIMEOUT_MS = 90_000;

const median = (v: number[]) => (v.length ? [...v].sort((a, b) => a - b)[v.length >> 1] : null);

/** Records requests that leave the page's origin and CSP violations; the measurement fails if there are any. */
function sameOriginOnly(page: Page, origin: string): () => void {
  const foreign: string[] = [];
  const violations: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) foreign.push(url);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return () => {
    if (foreign.length > 0) throw new Error(`${page.url()} requested another origin: ${foreign[0]}`);
    if (violations.length > 0) throw new Error(`${page.url()} broke its CSP: ${violations[0]}`);
  };
}

/** Installed before any page script: collects main-thread long tasks into window.__longTasks. */
function observeLongTasks(): void {
  const tasks: { startTime: number; duration: number }[] = [];
  (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ startTime: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** The built app on one configuration, with the every-frame policy (so inference runs as fast as it can). */
export async function measureApp(
  page: Page,
  origin: string,
  config: MeasureConfig,
  seconds: number,
  compositor: MeasureCompositor = null,
) {
  const check = sameOriginOnly(page, origin);
  await page.addInitScript(observeLongTasks);
  const backend = config.backend ? `&backend=${config.backend}` : '';
  const where = compositor ? `&compositor=${compositor}` : '';
  await page.goto(`${origin}/?policy=every-frame&model=${config.model}${backend}${where}`);
  await page.waitForFunction(() => window.segmeter !== undefined);
  await page.evaluate(() => window.segmeter?.modelReady);
  const firstMaskAt = await page
    .waitForFunction(() => window.segmeter?.snapshot().firstMaskAt ?? null, null, {
      polling: 50,
      timeout: FIRST_MASK_TIMEOUT_MS,
    })
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => null);
  await page.waitForTimeout(WARMUP_MS);
  const snap = () => page.evaluate(() => window.segmeter?.snapshot());
  const start = await snap();
  const samples = [];
  for (let i = 0; i < Math.ceil(seconds); i++) {
    await page.waitForTimeout(Math.min(1000, (seconds - i) * 1000));
    samples.push(await snap());
  }
  const end = samples[samples.length - 1];
  const elapsed = ((end?.totals.lastTs ?? 0) - (start?.totals.lastTs ?? 0)) / 1000;
  // Timings over the whole measured stretch (a slow backend completes fewer than one inference a second).
  const timings = await page.evaluate(
    (from) =>
      (window.segmeter?.store.inferences ?? [])
        .filter((r) => r.ts > from && r.kind === 'gate' && r.latencyMs !== null)
        .map((r) => [r.modelMs ?? 0, r.latencyMs ?? 0]),
    start?.totals.lastTs ?? 0,
  );
  const { longTasks, now } = await page.evaluate(() => ({
    longTasks: (window as unknown as { __longTasks: LongTask[] }).__longTasks,
    now: performance.now(),
  }));
  check();
  const result: AppMeasurement = {
    runtime: end?.segmenter?.runtime ?? null,
    backend: end?.segmenter?.backend ?? null,
    where: end?.segmenter?.where ?? null,
    modelMsP50: median(timings.map((t) => t[0])),
    endToEndMsP50: median(timings.map((t) => t[1])),
    inferenceFps: ((end?.totals.inferences ?? 0) - (start?.totals.inferences ?? 0)) / elapsed,
    displayFps: ((end?.totals.frames ?? 0) - (start?.totals.frames ?? 0)) / elapsed,
    sourceFps: median(samples.flatMap((s) => (s?.stats.sourceFps ? [s.stats.sourceFps] : []))),
    droppedPerSecond: ((end?.droppedFrames ?? 0) - (start?.droppedFrames ?? 0)) / elapsed,
    composeMsP50: end?.composeMsP50 ?? null,
    compositor: end?.compositor ?? null,
    composeMainMsP50: end?.composeMainMsP50 ?? null,
    timeToFirstMaskMs: firstMaskAt,
    longTasks,
    windowMs: firstMaskAt === null ? null : [firstMaskAt, now],
    notices: end?.notices.map(noticeText) ?? [],
  };
  return result;
}

/** Waits for an anchor page's result (or its error) on window.anchor. */
async function anchorState<T>(page: Page, ready: string, timeout: number): Promise<T> {
  const state = await page
    .waitForFunction(
      (key) => {
        const anchor = window.anchor as Record<string, unknown> | undefined;
        return anchor?.error || (anchor?.[key] !== undefined && anchor);
      },
      ready,
      { polling: 50, timeout },
    )
    .then((h) => h.jsonValue());
  if (typeof state === 'string') throw new Error(`${page.url()}: ${state}`);
  return state as T;
}

/** The bare predict loop's p50 on a tfjs backend (bench/bareModel.html). */
export async function measureBareModel(page: Page, origin: string, backend: string): Promise<number> {
  const check = sameOriginOnly(page, origin);
  await page.goto(`${origin}/bench/bareModel.html?backend=${backend}&runs=50`);
  const state = await anchorState<{ msP50: number; backend: string }>(page, 'msP50', 180_000);
  check();
  if (state.backend !== backend) throw new Error(`the bare model ran on ${state.backend}, not ${backend}`);
  return state.msP50;
}

/** The demo-style loop on the sample clip (bench/demoLoop.html): first blurred frame, then frames drawn a second. */
export async function measureDemoLoop(page: Page, origin: string, seconds: number): Promise<DemoMeasurement> {
  const check = sameOriginOnly(page, origin);
  await page.goto(`${origin}/bench/demoLoop.html`);
  const first = await anchorState<{ firstMaskAt: number; backend: string }>(
    page,
    'firstMaskAt',
    FIRST_MASK_TIMEOUT_MS,
  ).catch((err: Error) => {
    if (/Timeout/i.test(err.message)) return null;
    throw err;
  });
  await page.waitForTimeout(WARMUP_MS);
  const count = () => page.evaluate(() => ({ frames: window.anchor?.frames ?? 0, at: performance.now() }));
  const start = await count();
  await page.waitForTimeout(seconds * 1000);
  const end = await count();
  check();
  return {
    backend: first?.backend ?? null,
    displayFps: ((end.frames - start.frames) * 1000) / (end.at - start.at),
    timeToFirstMaskMs: first?.firstMaskAt ?? null,
  };
}
