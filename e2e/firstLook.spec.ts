import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { parseCatalog } from '../src/core/pricing/catalogSchema';
import { parseScenario } from '../src/core/pricing/scenarioSchema';
import { buildReport } from '../src/core/report/buildReport';
import { FOCUS_MANDATORY_COLUMNS } from '../src/core/report/focusCsv';
import { measuredFromBench } from '../src/core/report/measuredFigures';
import { REPORT_DEFAULT_SCENARIO } from '../src/core/report/reportDefaults';
import { openApp, openSection, pauseAndSettle, snapshot } from './app';
import { parseCsv } from './csv';
import { SHORT_CLIP } from './globalSetup';

const WIDTHS = [390, 768, 1280, 1440, 1920];
// Real model, real clip, on a shared two-core machine: give the longer walks room.
test.describe.configure({ timeout: 420_000 });
const PER_IMAGE = 'aws-rekognition-image-group2';
const SECTIONS = ['gate', 'model', 'guards', 'metrics', 'sessions', 'log'];

/** "$1,234.5" -> 1234.5; fails the test on anything else. */
function usd(text: string | null): number {
  const t = (text ?? '').trim();
  if (!/^-?\$[\d,]+(\.\d+)?$/.test(t)) throw new Error(`not a dollar figure: ${JSON.stringify(text)}`);
  return Number(t.replace(/[$,]/g, ''));
}

async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

/** The document is exactly as wide as the viewport: nothing scrolls sideways. */
async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), {
        message: `${where} at ${width}px`,
      })
      .toBe(width);
  }
}

test('fits every screen: no sideways scroll on Live (closed and opened sections), Sweep and Report', async ({
  page,
}) => {
  await openApp(page);
  await expect(page.getByTestId('headline')).toBeVisible();
  await expectNoHorizontalScroll(page, 'Live');

  // Wide: the headline and the cost panel beside the stage, the headline in view without scrolling.
  await page.setViewportSize({ width: 1440, height: 900 });
  const stage = await page.getByTestId('stage').boundingBox();
  const headline = await page.getByTestId('headline').boundingBox();
  const side = await page.getByRole('complementary', { name: 'Cost meter' }).boundingBox();
  if (!stage || !headline || !side) throw new Error('no layout');
  expect(headline.x).toBeGreaterThanOrEqual(stage.x + stage.width);
  expect(side.x).toBeGreaterThanOrEqual(headline.x + headline.width);
  expect(headline.y + headline.height).toBeLessThanOrEqual(900);
  // The stage keeps the video's aspect ratio (the canvas is sized to the video on its first frame).
  await page.waitForFunction(
    () => document.querySelector<HTMLCanvasElement>('canvas[data-testid=stage]')?.width !== 300,
  );
  const ratio = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('canvas[data-testid=stage]');
    return c ? c.width / c.height : 0;
  });
  expect(stage.width / stage.height).toBeCloseTo(ratio, 1);
  await page.screenshot({ path: '/tmp/firstlook-live-1440.png' });

  // Narrow: the headline and then the cost panel under the stage, in one column.
  await page.setViewportSize({ width: 390, height: 844 });
  const narrowStage = await page.getByTestId('stage').boundingBox();
  const narrowHeadline = await page.getByTestId('headline').boundingBox();
  const narrowSide = await page.getByRole('complementary', { name: 'Cost meter' }).boundingBox();
  if (!narrowStage || !narrowHeadline || !narrowSide) throw new Error('no layout');
  expect(narrowHeadline.y).toBeGreaterThanOrEqual(narrowStage.y + narrowStage.height);
  expect(narrowSide.y).toBeGreaterThan(narrowHeadline.y + narrowHeadline.height);
  expect(narrowStage.width / narrowStage.height).toBeCloseTo(ratio, 1);
  await page.screenshot({ path: '/tmp/firstlook-live-390.png' });

  // Every section opened (and every cost row expanded) still fits.
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const id of SECTIONS) await openSection(page, id);
  for (const row of await page.locator('.meter-row > summary').all()) await row.click();
  await expectNoHorizontalScroll(page, 'Live, sections open');

  await page.getByTestId('tab-sweep').click();
  await expect(page.getByTestId('tab-sweep')).toHaveAttribute('aria-selected', 'true');
  await expectNoHorizontalScroll(page, 'Sweep');

  await page.getByTestId('tab-report').click();
  await expect(page.getByTestId('report')).toHaveAttribute('data-ready', 'true');
  await expectNoHorizontalScroll(page, 'Report');
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `/tmp/firstlook-report-${width}.png` });
  }
});

test('sections open and close from their summary, and stay as left after a reload', async ({ page }) => {
  await openApp(page);
  const metrics = page.getByTestId('section-metrics');
  await expect(metrics).not.toHaveAttribute('open', '');
  await expect(page.getByRole('button', { name: 'Replay frame by frame' })).toBeHidden();
  await openSection(page, 'metrics');
  await openSection(page, 'gate');
  await expect(page.getByRole('button', { name: 'Replay frame by frame' })).toBeVisible();
  await page.getByTestId('section-gate').locator('> summary').click();
  await expect(page.getByTestId('section-gate')).not.toHaveAttribute('open', '');
  await page.reload();
  await page.waitForFunction(() => window.segmeter?.snapshot().source, null, { timeout: 60_000 });
  await expect(page.getByTestId('section-metrics')).toHaveAttribute('open', '');
  await expect(page.getByTestId('section-gate')).not.toHaveAttribute('open', '');
  // What a demo needs stays in view: source, effect, strength, camera.
  for (const name of ['Camera', 'Sample clip'])
    await expect(page.getByRole('button', { name })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Blur' })).toBeVisible();
  await expect(page.getByText('Blur strength')).toBeVisible();
});

test('the headline equals the cost panel after a replayed clip, and "Show in report" opens the Report on it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 1200 });
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(SHORT_CLIP);
  await expect.poll(async () => (await snapshot(page)).source?.kind).toBe('file');
  await page.evaluate(() => window.segmeter?.modelReady);
  await openSection(page, 'gate');
  await page.getByRole('button', { name: 'Replay frame by frame' }).click();
  await expect(page.getByTestId('replay-progress')).toContainText('Replayed 60/60 frames', {
    timeout: 150_000,
  });
  const totals = await pauseAndSettle(page);
  expect(totals.inferences).toBeGreaterThan(0);
  expect(totals.inferences).toBeLessThan(totals.frames);

  // The snapshot renders at 4 Hz: wait until both show the settled counts.
  const count = (n: number) => n.toLocaleString('en-US');
  await expect(page.getByTestId('headline-frames')).toHaveText(count(totals.frames));
  await expect(page.getByTestId('headline-inferences')).toHaveText(count(totals.inferences));
  await expect(page.getByTestId('cost-frames')).toHaveText(count(totals.frames));
  await expect(page.getByTestId('cost-inferences')).toHaveText(count(totals.inferences));
  await expect(page.getByTestId('headline-entry')).toHaveValue(PER_IMAGE);

  const row = page.getByTestId(`meter-${PER_IMAGE}`);
  await row.locator('> summary').click();
  const headline = {
    adaptive: await text(page.getByTestId('headline-adaptive')),
    every: await text(page.getByTestId('headline-every')),
    saving: await text(page.getByTestId('headline-saving-usd')),
    pct: await text(page.getByTestId('headline-saving-pct')),
    month: await text(page.getByTestId('headline-month-saving')),
  };
  expect(headline).toEqual({
    adaptive: await text(row.getByTestId('ran-usd')),
    every: await text(row.getByTestId('every-usd')),
    saving: await text(row.getByTestId('saving-usd')),
    pct: await text(row.getByTestId('saving-pct')),
    month: await text(row.getByTestId('month-saving-usd')),
  });
  // Not vacuous: the figures are the counts at $0.001 an image, and a month at this ratio saves money.
  expect(usd(headline.adaptive)).toBeCloseTo(totals.inferences * 0.001, 9);
  expect(usd(headline.every)).toBeCloseTo(totals.frames * 0.001, 9);
  const ratio = totals.inferences / totals.frames;
  expect(headline.pct).toBe(`${((1 - ratio) * 100).toFixed(1)}%`);
  expect(Math.abs(usd(headline.month) - 900 * (1 - ratio))).toBeLessThanOrEqual(0.006);

  // The session's as-if charges as FOCUS rows: BilledCost is what the panel shows as adaptive.
  const [sessionCsv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('session-focus').click(),
  ]);
  const [sHeader, ...sRows] = parseCsv(await readFile(await sessionCsv.path(), 'utf8'));
  const sCol = (name: string) => sHeader?.indexOf(name) ?? -1;
  const imageRow = sRows.find((r) => r[sCol('x_CatalogId')] === PER_IMAGE);
  expect(Number(imageRow?.[sCol('BilledCost')])).toBeCloseTo(totals.inferences * 0.001, 9);
  expect(imageRow?.[sCol('x_Scenario')]).toBe('session');
  expect(imageRow?.[sCol('x_AsIf')]).toBe('true');

  // Another entry: both follow the choice.
  await page.getByTestId('headline-entry').selectOption('fal-sam3-video');
  await expect(page.getByTestId('headline-adaptive')).toHaveText(
    await text(page.getByTestId('meter-fal-sam3-video').getByTestId('ran-usd')),
  );

  await page.getByTestId('show-in-report').click();
  await expect(page.getByTestId('tab-report')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('report')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('report-measured')).toHaveAttribute('data-source', 'live');
  await expect(page.getByTestId('report-measured')).toContainText(`${totals.frames} frames`);
  await expect(page.getByTestId('report-table').locator('caption')).toContainText(
    `ratio ${ratio.toFixed(4)}`,
  );
  const saving = page.getByTestId(`report-row-${PER_IMAGE}`).getByTestId('saving');
  await expect(saving).toContainText(`(${((1 - ratio) * 100).toFixed(1)}%)`);
});

test('a fresh Report opens on the bundled bench, names it, and its FOCUS CSV adds up to the adaptive total', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?view=report&backend=wasm');
  await expect(page.getByTestId('report')).toHaveAttribute('data-ready', 'true');
  const measured = page.getByTestId('report-measured');
  await expect(measured).toHaveAttribute('data-source', 'bundled');
  await expect(measured).toContainText('bundled sample clip');
  await expect(measured).toContainText('public/sample/motion_asl_signer_640x480.mp4');
  await expect(page.getByTestId('report-gate')).toContainText('staticThreshold');
  await expect(page.getByTestId('report-quality')).toContainText(
    /mean IoU 0\.\d{3} \(5th percentile 0\.\d{3}\)/,
  );

  // The same figures as the core computes from the shipped bench: a real saving.
  // (Read as files: Playwright's Node loader does not import JSON modules.)
  const catalog = parseCatalog(JSON.parse(readFileSync('src/core/pricing/catalog.default.json', 'utf8')));
  const bench = measuredFromBench(readFileSync('src/core/report/sampleBench.json', 'utf8'));
  if (!catalog.ok || !bench.ok) throw new Error('bundled files');
  const scenario = parseScenario(REPORT_DEFAULT_SCENARIO, catalog.value);
  if (!scenario.ok) throw new Error('default scenario');
  const report = buildReport(scenario.value, bench.value, catalog.value);
  const image = page.getByTestId(`report-row-${PER_IMAGE}`);
  const saving = usd((await text(image.getByTestId('saving'))).split(' ')[0] ?? '');
  expect(saving).toBeGreaterThan(0);
  expect(saving).toBeCloseTo(report.providers.find((r) => r.id === PER_IMAGE)?.savingMonthlyUSD ?? 0, 2);

  // Cost against users, with break-even points against the fleet.
  await expect(page.getByTestId('report-users-chart').locator('svg .recharts-line').first()).toBeVisible();
  await expect(page.getByTestId('users-break-evens').getByRole('listitem')).toHaveCount(2);
  await expect(page.getByTestId('users-break-evens')).toContainText('aws-ec2-g4dn-xlarge fleet');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-focus').click(),
  ]);
  expect(download.suggestedFilename()).toBe('segmeter-focus.csv');
  const [header, ...rows] = parseCsv(await readFile(await download.path(), 'utf8'));
  if (!header) throw new Error('empty CSV');
  // Every mandatory column, in the specification's order.
  const at = FOCUS_MANDATORY_COLUMNS.map((c) => header.indexOf(c));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect(at).toEqual([...at].sort((a, b) => a - b));
  const col = (name: string) => header.indexOf(name);
  const priced = report.providers.filter((r) => r.adaptiveMonthlyUSD !== null);
  expect(rows).toHaveLength(priced.length);
  for (const r of rows) {
    expect(r[col('x_AsIf')]).toBe('true');
    expect(r[col('ChargeCategory')]).toBe('Usage');
    expect(r[col('x_Scenario')]).toBe('projection');
    expect(r[col('x_Policy')]).toBe('target');
    expect(r[col('x_Feature')]).toBe('person-segmentation');
  }
  const billed = rows.reduce((a, r) => a + Number(r[col('BilledCost')]), 0);
  const adaptiveTotal = priced.reduce((a, r) => a + (r.adaptiveMonthlyUSD ?? 0), 0);
  expect(billed).toBeCloseTo(adaptiveTotal, 9);
  // ... and the table on the page says the same, to the cent.
  let shown = 0;
  for (const r of priced)
    shown += usd(await text(page.getByTestId(`report-row-${r.id}`).getByTestId('adaptive')));
  expect(Math.abs(shown - billed)).toBeLessThan(0.01 * priced.length);

  // A bad scenario: one clear error, no table, nothing to export.
  await page.getByTestId('report-fps').fill('');
  const errors = page.getByRole('alert').filter({ hasText: 'fps:' });
  await expect(errors.getByRole('listitem')).toHaveCount(1);
  await expect(errors).toContainText('fps: expected number, missing');
  await expect(page.getByTestId('report-table')).toHaveCount(0);
  await expect(page.getByTestId('report-focus')).toBeDisabled();
});
