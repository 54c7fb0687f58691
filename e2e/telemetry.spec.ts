import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { formatUSD } from '../src/core/pricing/formatUSD';
import { openApp, openSection, pauseAndSettle, waitForInferences } from './app';
import { OTLP_PORT } from './fixtures/otlpPort';
import { OtlpReceiver } from './fixtures/otlpReceiver';
import { SHORT_CLIP } from './globalSetup';

const COST = 'segmeter.as_if.cost';
const REFUSED = ['busy', 'budget', 'cost-saver', 'runaway', 'throttled'];

let receiver: OtlpReceiver;
test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  receiver = await OtlpReceiver.start(OTLP_PORT);
});
test.afterAll(async () => {
  await receiver.close();
});
test.beforeEach(() => {
  receiver.clear();
  receiver.mode = 'ok';
});

/** Sets the interval and sampling, then flips the one switch (settings persist in localStorage). */
async function enableTelemetry(page: Page, { intervalS = 15, samplingPct = 0 } = {}): Promise<void> {
  await openSection(page, 'telemetry');
  const panel = page.getByTestId('telemetry-panel');
  await panel.getByTestId('telemetry-interval').fill(String(intervalS));
  await panel.getByTestId('telemetry-interval').blur();
  await panel.getByTestId('telemetry-sampling').fill(String(samplingPct));
  await panel.getByTestId('telemetry-sampling').blur();
  await panel.getByTestId('telemetry-enabled').check();
}

const sessionId = (page: Page) => page.evaluate(() => window.segmeter?.sessionId ?? '');

async function replayShortClip(page: Page): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(SHORT_CLIP);
  await expect.poll(() => page.evaluate(() => window.segmeter?.snapshot().source?.kind)).toBe('file');
  await page.waitForFunction(() => window.segmeter?.snapshot().segmenter, null, { timeout: 90_000 });
  await page.evaluate(() => window.segmeter?.replay({ resume: false }));
}

/** Clicks "Export now" and waits until the receiver holds this session's totals. */
async function exportAndWait(page: Page, totals: { frames: number; inferences: number }): Promise<string> {
  const sid = await sessionId(page);
  await page.getByTestId('telemetry-export-now').click();
  await expect
    .poll(() => ({
      frames: receiver.sum('segmeter.frames', sid),
      inferences: receiver.sum('segmeter.inferences', sid),
    }))
    .toEqual(totals);
  return sid;
}

test('sends nothing while off; once on, the counters and costs equal the session and the cost panel', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 2200 });
  const seen: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/otlp')) seen.push(r.url());
  });
  test.setTimeout(300_000);
  await openApp(page);
  await expect(page.getByTestId('telemetry-status')).toHaveAttribute('data-state', 'off');
  // Off while the live view runs the model and the tab is hidden and shown again (the moments an export would go).
  await waitForInferences(page, 3);
  await page.evaluate(() => {
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pagehide'));
  });
  await pauseAndSettle(page);
  // Off: not one request, neither to the proxy path nor (through it) to the collector.
  expect(seen).toEqual([]);
  expect(receiver.requests).toEqual([]);

  // On, with every inference logged: the first export catches up with the whole session so far.
  await enableTelemetry(page, { intervalS: 2, samplingPct: 100 });
  await expect(page.getByTestId('telemetry-status')).toHaveAttribute('data-state', 'ok', { timeout: 30_000 });
  await replayShortClip(page);
  const totals = await pauseAndSettle(page);
  const sid = await exportAndWait(page, totals);
  expect(seen.every((u) => new URL(u).origin === new URL(page.url()).origin)).toBe(true);

  const { events, records } = await page.evaluate(() => ({
    events: window.segmeter?.store.events ?? [],
    records: window.segmeter?.store.inferences ?? [],
  }));
  const timed = records.filter((r) => r.kind !== 'shadow' && r.latencyMs !== null).length;
  expect(receiver.histogramCount('gen_ai.client.operation.duration', sid)).toBe(timed);
  const refused = events.filter((e) => REFUSED.includes(e.reason)).length;
  expect(receiver.sum('segmeter.inferences.refused', sid)).toBe(refused);
  const byReason = receiver.sumBy('segmeter.inferences', 'segmeter.reason', sid);
  for (const [reason, n] of Object.entries(byReason))
    expect(n).toBe(events.filter((e) => e.ran && e.reason === reason).length);
  await expect.poll(() => receiver.logRecordCount('segmentation_inference')).toBe(totals.inferences);

  // The resource says who sent it, and nothing personal.
  const resource = receiver.resources().get(sid);
  expect(resource).toMatchObject({
    'service.name': 'segmeter',
    'service.instance.id': sid,
    'segmeter.runtime': 'tfjs',
    'segmeter.backend': 'wasm',
    feature: 'segmentation',
  });
  expect(String(resource?.['segmeter.install.id'])).toMatch(/^[0-9a-f-]{36}$/);

  // The cost counter, per entry, is the cost panel's figure.
  const ids = await page.evaluate(() => window.segmeter?.selectedIds() ?? []);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    const shown = await page.getByTestId(`meter-${id}`).getByTestId('ran-usd').textContent();
    if (shown === 'no public price') continue;
    expect(formatUSD(receiver.latest(COST, sid, { 'segmeter.entry.id': id })), id).toBe(shown);
  }
  expect(receiver.latest(COST, sid, { 'segmeter.entry.id': 'aws-rekognition-image-group2' })).toBeCloseTo(
    totals.inferences * 0.001,
    9,
  );

  // Figures for the closing note: main-thread time per export and the payload size.
  const costLine = (await page.getByTestId('telemetry-cost').textContent()) ?? '';
  const metricBytes = receiver.requests.filter((r) => r.path === '/v1/metrics').map((r) => r.bytes);
  console.log(
    `telemetry figures: ${costLine.trim()} | metrics requests ${metricBytes.length}, bytes ${metricBytes.join(',')}`,
  );
  const sample = receiver.requests.filter((r) => r.path === '/v1/metrics').at(-1);
  writeFileSync(test.info().outputPath('sample-metrics-payload.json'), JSON.stringify(sample?.body, null, 2));
});

async function openWithModel(browser: Browser, enable: boolean | null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 2200 });
  await openApp(page);
  await page.waitForFunction(() => window.segmeter?.snapshot().segmenter, null, { timeout: 90_000 });
  if (enable) await enableTelemetry(page, { intervalS: 1 });
  return { context, page };
}

const num = (text: string | null) => Number((text ?? '').replace(/[,\s]/g, ''));

test('two tabs are two resources whose sums equal the All sessions table', async ({ browser }) => {
  test.setTimeout(360_000);
  const context = await browser.newContext();
  const open = async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1400, height: 2200 });
    await openApp(page);
    return page;
  };
  const first = await open();
  // Turned on in one tab; the second tab, opened after, starts with the persisted switch on.
  await enableTelemetry(first, { intervalS: 2 });
  const second = await open();
  await expect(second.getByTestId('telemetry-enabled')).toBeChecked();
  const pages = [first, second];
  for (const page of pages) await waitForInferences(page, 3);
  const totals = [];
  for (const page of pages) totals.push(await pauseAndSettle(page));
  const sids = [];
  for (const [i, page] of pages.entries())
    sids.push(await exportAndWait(page, totals[i] ?? { frames: 0, inferences: 0 }));
  expect(new Set(sids).size).toBe(2);
  expect([...receiver.resources().keys()].sort()).toEqual([...sids].sort());
  const bytes = receiver.requests.filter((r) => r.path === '/v1/metrics').map((r) => r.bytes);
  console.log(
    `two live tabs at a 2 s interval: ${bytes.length} metrics requests, mean ${Math.round(bytes.reduce((a, b) => a + b, 0) / bytes.length)} bytes`,
  );
  const install = [...receiver.resources().values()].map((r) => r['segmeter.install.id']);
  expect(install[0]).toBe(install[1]);

  // The cross-tab table (BroadcastChannel, about once a second) shows the same rows and their sum.
  await openSection(first, 'sessions');
  const table = first.getByTestId('aggregate-table');
  await first.getByTestId('aggregate-entry').selectOption('aws-rekognition-image-group2');
  for (const sid of sids) {
    const row = table.locator(`[data-testid=aggregate-row][data-session="${sid}"]`);
    await expect
      .poll(async () => [
        num(await row.locator('td').nth(0).textContent()),
        num(await row.locator('td').nth(1).textContent()),
      ])
      .toEqual([receiver.sum('segmeter.frames', sid), receiver.sum('segmeter.inferences', sid)]);
  }
  const total = table.getByTestId('aggregate-total');
  await expect
    .poll(async () => [
      num(await total.locator('td').nth(0).textContent()),
      num(await total.locator('td').nth(1).textContent()),
    ])
    .toEqual([receiver.sum('segmeter.frames'), receiver.sum('segmeter.inferences')]);
  await expect(total.locator('td').nth(3)).toHaveText(
    formatUSD(receiver.latest(COST, undefined, { 'segmeter.entry.id': 'aws-rekognition-image-group2' })),
  );
  await context.close();
});

test('a collector that answers 503 or not at all gets no retry storm, and the panel and notices say so', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  // The display rate beside telemetry off is measured side by side by `npm run telemetry-overhead` (below).
  const on = await openWithModel(browser, true);
  await expect(on.page.getByTestId('telemetry-status')).toHaveAttribute('data-state', 'ok', {
    timeout: 30_000,
  });
  for (const mode of ['503', 'hang'] as const) {
    receiver.mode = mode;
    receiver.clear();
    await on.page.waitForTimeout(16_000);
    const requests = receiver.requests.length;
    console.log(`collector ${mode}: ${requests} requests in 16 s at a 1 s interval`);
    // No retry storm: a 1 s interval is 16 exports; back-off leaves a handful of attempts (each retried at most
    // within its 5 s timeout by the OTLP exporter).
    expect(requests).toBeLessThan(16);
    await expect(on.page.getByTestId('telemetry-status')).toHaveAttribute('data-state', 'failing');
    await expect(on.page.getByTestId('telemetry-status-error')).toContainText(/Error: \S.*next try after/);
  }
  await expect(on.page.getByTestId('notices')).toContainText('Telemetry:');
  await on.context.close();
});

interface OverheadCondition {
  windows: number;
  medianFps: number;
  ratioToOff: number | null;
  pairedRatio: number | null;
  withinFivePercent: boolean | null;
  mainThreadMsPerSecond: number;
  mainThreadMsPerExport: number | null;
  bytesPerMinute: number;
  requests: number;
}

test('telemetry-overhead interleaves off and on windows: nothing sent while off, exports tried against 503 and a hang', async () => {
  test.setTimeout(240_000);
  // Tiny windows: this checks what the command does and prints, not the figures (those need its default run).
  const run = await promisify(execFile)(
    'node_modules/.bin/tsx',
    ['src/cli/telemetryOverhead.ts', '--rounds', '2', '--window', '4', '--settle', '0'],
    {
      encoding: 'utf8',
      timeout: 230_000,
      env: { ...process.env, SEGMETER_DIST: process.env.E2E_DIST ?? 'dist' },
    },
  );
  expect(run.stderr).toMatch(/^condition +median fps +vs off +paired +within 5%/m);
  const json = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as {
    conditions: Record<string, OverheadCondition>;
    windows: {
      condition: string;
      requests: number;
      fps: number;
      work: object | null;
      state: string | null;
      clipStart: number;
    }[];
    host: { cpus: number };
  };
  // '503' is an integer-like key, which JSON objects list first.
  expect(Object.keys(json.conditions).sort()).toEqual(['503', 'hang', 'off', 'ok']);
  for (const [name, c] of Object.entries(json.conditions)) {
    expect(c.windows, name).toBe(2);
    expect(c.medianFps, name).toBeGreaterThan(0);
    expect(typeof c.bytesPerMinute, name).toBe('number');
    if (name === 'off')
      expect([c.ratioToOff, c.pairedRatio, c.withinFivePercent]).toEqual([null, null, null]);
    else {
      expect(c.ratioToOff, name).toBeGreaterThan(0);
      expect(c.pairedRatio, name).toBeGreaterThan(0);
      expect(typeof c.withinFivePercent, name).toBe('boolean');
      expect(c.mainThreadMsPerSecond, name).toBeGreaterThan(0);
      expect(c.mainThreadMsPerExport, name).toBeGreaterThan(0);
    }
  }
  expect(json.windows).toHaveLength(8);
  // Every window shows the same frames: it starts where the looping clip starts over (polled every 15 ms).
  for (const w of json.windows) expect(w.clipStart).toBeLessThan(0.5);
  // Off: no exporter in the page, and not one request reached the collector.
  for (const w of json.windows.filter((x) => x.condition === 'off'))
    expect([w.work, w.requests]).toEqual([null, 0]);
  // The healthy collector got exports; each failing one was tried (in the round where it follows the healthy one,
  // so its exporter has no back-off yet).
  expect(json.conditions.ok?.requests).toBeGreaterThan(0);
  expect(json.windows.some((w) => w.condition === 'ok' && w.state === 'ok')).toBe(true);
  expect(json.conditions['503']?.requests).toBeGreaterThan(0);
  expect(json.conditions.hang?.requests).toBeGreaterThan(0);
});

test('bench --otlp exports the gate run: its inference counter adds up to the JSON inferences', async () => {
  test.setTimeout(240_000);
  // Asynchronously: the receiver answers from this very process, so its event loop must stay free.
  const run = await promisify(execFile)(
    'node_modules/.bin/tsx',
    [
      'src/cli/bench.ts',
      '--video',
      SHORT_CLIP,
      '--backend',
      'wasm',
      '--otlp',
      `http://127.0.0.1:${OTLP_PORT}`,
    ],
    {
      encoding: 'utf8',
      timeout: 230_000,
      env: { ...process.env, SEGMETER_DIST: process.env.E2E_DIST ?? 'dist' },
    },
  );
  const json = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as {
    inferences: number;
    frames: number;
  };
  const [sid, resource] = [...receiver.resources()][0] ?? [];
  expect(receiver.resources().size).toBe(1);
  expect(resource?.['segmeter.host']).toBe('node');
  expect(receiver.sum('segmeter.inferences', sid)).toBe(json.inferences);
  expect(receiver.sum('segmeter.frames', sid)).toBe(json.frames);
  expect(json.inferences).toBeLessThan(json.frames);
});
