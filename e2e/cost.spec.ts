import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { openApp, pauseAndSettle, snapshot, waitForInferences } from './app';
import { SHORT_CLIP } from './globalSetup';

const PER_IMAGE = 'aws-rekognition-image-group2';

/** "$1,234.5" -> 1234.5; fails the test on anything else ("no public price", "–"). */
function usd(text: string | null): number {
  const m = /^-?\$[\d,]+(\.\d+)?$/.exec((text ?? '').trim());
  if (!m) throw new Error(`not a dollar figure: ${JSON.stringify(text)}`);
  return Number((text ?? '').replace(/[$,\s]/g, ''));
}

async function dollars(locator: Locator): Promise<number> {
  return usd(await locator.textContent());
}

/** The per-image entry's price as the page shows it ("$0.001 / image"). */
async function unitPrice(card: Locator): Promise<number> {
  const text = (await card.getByTestId('unit-price').textContent()) ?? '';
  return usd(text.split('/')[0] ?? '');
}

async function expectFiguresMatch(page: Page, totals: { frames: number; inferences: number }): Promise<void> {
  const card = page.getByTestId(`meter-${PER_IMAGE}`);
  const price = await unitPrice(card);
  expect(price).toBe(0.001);
  // The panel re-renders from the 4 Hz snapshot: poll until it shows the settled counts.
  await expect(page.getByTestId('cost-inferences')).toHaveText(totals.inferences.toLocaleString('en-US'));
  await expect(page.getByTestId('cost-frames')).toHaveText(totals.frames.toLocaleString('en-US'));
  expect(await dollars(card.getByTestId('ran-usd'))).toBeCloseTo(totals.inferences * price, 9);
  expect(await dollars(card.getByTestId('every-usd'))).toBeCloseTo(totals.frames * price, 9);
  expect(await dollars(card.getByTestId('saving-usd'))).toBeCloseTo(
    (totals.frames - totals.inferences) * price,
    9,
  );
}

test.describe('cost side panel', () => {
  test('prices the FrameEvent counts: inferences x price adaptive, frames x price every frame', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1400, height: 1800 });
    await openApp(page);
    // A replayed clip: every frame of it, in order, into a fresh FrameEvent log.
    await page.getByTestId('file-input').setInputFiles(SHORT_CLIP);
    await expect.poll(async () => (await snapshot(page)).source?.kind).toBe('file');
    await page.evaluate(() => window.segmeter?.modelReady);
    const decisions = await page.evaluate(() => {
      window.segmeter?.pauseSource();
      window.segmeter?.store.clear();
      return window.segmeter?.replay({ resume: false });
    });
    const totals = await pauseAndSettle(page);
    // The replay's 60 frames, plus the few live frames that were mid-step when the log was cleared.
    const replayed = await page.evaluate(
      () => window.segmeter?.store.events.filter((e) => e.source === 'replay').length,
    );
    expect(replayed).toBe(60);
    expect(totals.frames).toBeGreaterThanOrEqual(60);
    expect(totals.frames).toBeLessThanOrEqual(64);
    expect(totals.inferences).toBeGreaterThanOrEqual(decisions?.filter((d) => d.ran).length ?? 0);
    expect(totals.inferences).toBeGreaterThan(0);
    expect(totals.frames).toBeGreaterThanOrEqual(totals.inferences);
    await expectFiguresMatch(page, totals);

    // The price the meter uses is the catalog's first band for this entry, with its source.
    const row = page.getByTestId(`catalog-${PER_IMAGE}`);
    await expect(row).toContainText('$0.001 / image to 1,000,000/mo');
    await expect(row.locator('a', { hasText: 'source' })).toHaveAttribute(
      'href',
      /aws\.amazon\.com\/rekognition/,
    );

    // On-device is $0 with its device time, and an unpriced entry says so instead of $0.
    await expect(page.getByTestId('meter-on-device').getByTestId('ran-usd')).toHaveText('$0.00');
    await page.getByText(/Comparing \d+ of \d+ catalog entries/).click();
    await page.getByRole('checkbox', { name: /aws-rekognition-video-streaming/ }).check();
    await expect(page.getByTestId('meter-aws-rekognition-video-streaming').getByTestId('ran-usd')).toHaveText(
      'no public price',
    );
    await page.getByText(/Comparing \d+ of \d+ catalog entries/).click();

    // Charts are drawn from the same stream.
    await expect(page.getByTestId('cost-chart').locator('svg .live-chart-line').first()).toBeVisible();
    // For a person to look at: the panel as a product (output dir / cost-screenshots).
    const shots = `${test.info().project.outputDir}/cost-screenshots`;
    await page.getByRole('complementary', { name: 'Cost meter' }).screenshot({ path: `${shots}/panel.png` });
    await page
      .getByRole('region', { name: /as if sent to the cloud/ })
      .screenshot({ path: `${shots}/meter.png` });
    await page.getByRole('region', { name: 'Over time' }).screenshot({ path: `${shots}/charts.png` });
    await page
      .getByRole('region', { name: 'Monthly projection' })
      .screenshot({ path: `${shots}/projection.png` });
    await page.screenshot({ path: `${shots}/app.png`, fullPage: true });
  });

  test('an invalid imported catalog lists every bad field and changes nothing', async ({ page }) => {
    await openApp(page);
    await waitForInferences(page, 3);
    const totals = await pauseAndSettle(page);
    await expectFiguresMatch(page, totals);
    const card = page.getByTestId(`meter-${PER_IMAGE}`);
    const before = await card.getByTestId('ran-usd').textContent();
    const rows = page.getByTestId('catalog-table').locator('tbody tr');
    const entries = await rows.count();
    expect(entries).toBeGreaterThan(20);

    const bad = [
      {
        id: PER_IMAGE,
        provider: 'AWS',
        product: 'Rekognition at a wrong price',
        unit: 'picture',
        tiers: [{ upToUnitsPerMonth: null, pricePerUnitUSD: 'cheap' }],
        sourceUrl: 'not a url',
        seenDate: '28/11/2026',
        confidence: 'verified',
      },
      {
        id: 'gpu',
        provider: 'X',
        product: 'GPU',
        unit: 'hour',
        tiers: [{ upToUnitsPerMonth: null, pricePerUnitUSD: -1 }],
        sourceUrl: 'https://example.com',
        seenDate: '2026-11-28',
        confidence: 'sure',
      },
    ];
    await page.getByTestId('catalog-import').setInputFiles({
      name: 'bad-catalog.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const errors = page.getByTestId('catalog-errors');
    await expect(errors).toContainText('bad-catalog.json was not imported');
    await expect(errors).toContainText('The previous catalog is still in use');
    for (const field of [
      '[0].unit',
      '[0].tiers[0].pricePerUnitUSD',
      '[0].sourceUrl',
      '[0].seenDate',
      '[1].tiers[0].pricePerUnitUSD',
      '[1].confidence',
      '[1].throughputFps',
    ]) {
      await expect(errors.getByRole('listitem').filter({ hasText: `${field}:` })).toHaveCount(1);
    }
    await expect(errors.getByRole('listitem')).toHaveCount(7);

    // Nothing changed: same catalog, same figures.
    await expect(rows).toHaveCount(entries);
    expect(await unitPrice(card)).toBe(0.001);
    await expect(card.getByTestId('ran-usd')).toHaveText(before ?? '');
    await expectFiguresMatch(page, totals);

    // Not JSON at all: one error, still nothing changed.
    await page.getByTestId('catalog-import').setInputFiles({
      name: 'garbage.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ nope'),
    });
    await expect(errors).toContainText('garbage.json was not imported');
    await expect(errors).toContainText('not valid JSON');
    await expectFiguresMatch(page, totals);

    await page
      .getByRole('region', { name: 'Pricing catalog' })
      .screenshot({ path: `${test.info().project.outputDir}/cost-screenshots/catalog-errors.png` });

    // A bad edit in the entry form: every bad field listed, nothing changed.
    await page.getByText(/^Entries \(\d+\)$/).click();
    await page.getByRole('button', { name: `Edit ${PER_IMAGE}` }).click();
    const form = page.getByRole('form', { name: `Edit ${PER_IMAGE}` });
    await form.getByLabel('Tier 1: USD per unit').fill('');
    await form.getByLabel('Source URL').fill('aws pricing page');
    await form.getByRole('button', { name: 'Save entry' }).click();
    await expect(errors).toContainText(`The edit of ${PER_IMAGE} was not saved`);
    await expect(errors.getByRole('listitem')).toHaveCount(2);
    await expect(errors).toContainText('[0].tiers[0].pricePerUnitUSD:');
    await expect(errors).toContainText('[0].sourceUrl:');
    await expectFiguresMatch(page, totals);
    // Fixed, it is saved and the meter follows.
    await form.getByLabel('Tier 1: USD per unit').fill('0.002');
    await form.getByLabel('Source URL').fill('https://aws.amazon.com/rekognition/pricing/');
    await form.getByRole('button', { name: 'Save entry' }).click();
    await expect(errors).toHaveCount(0);
    await expect(card.getByTestId('unit-price')).toHaveText('$0.002 / image');
    expect(await dollars(card.getByTestId('ran-usd'))).toBeCloseTo(totals.inferences * 0.002, 9);

    // A valid import does change the figures, so the checks above are not vacuous.
    const good = [{ ...bad[0], unit: 'image', tiers: [{ upToUnitsPerMonth: null, pricePerUnitUSD: 0.003 }] }];
    good[0] = { ...good[0], sourceUrl: 'https://example.com/price', seenDate: '2026-11-28' };
    await page.getByTestId('catalog-import').setInputFiles({
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(good)),
    });
    await expect(page.getByTestId('catalog-message')).toHaveText('Imported good.json.');
    await expect(errors).toHaveCount(0);
    await expect(rows).toHaveCount(1);
    expect(await unitPrice(card)).toBe(0.003);
    expect(await dollars(card.getByTestId('ran-usd'))).toBeCloseTo(totals.inferences * 0.003, 9);

    // Export downloads the catalog in use, which imports back as is.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('catalog-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('segmeter-catalog.json');
    const exported: unknown = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(exported).toMatchObject([
      { id: PER_IMAGE, tiers: [{ upToUnitsPerMonth: null, pricePerUnitUSD: 0.003 }] },
    ]);
  });

  test("projects the article's scenario: 100 users x 10 s x 30 fps x 30 days = $900.00 per image", async ({
    page,
  }) => {
    await openApp(page);
    const fill = async (key: string, value: string) => page.getByTestId(`scenario-${key}`).fill(value);
    await fill('users', '100');
    await fill('secondsPerUserPerDay', '10');
    await fill('sessionsPerUserPerDay', '1');
    await fill('fps', '30');
    await fill('days', '30');
    await fill('inferenceRatio', '1');
    const row = page.getByTestId(`projection-${PER_IMAGE}`);
    await expect(row.getByTestId('monthly-usd')).toHaveText('$900.00');
    await expect(row.getByTestId('every-frame-monthly-usd')).toHaveText('$900.00');
    await expect(page.getByTestId('projection-volume')).toContainText('900,000 frames');
    // Per-minute video API: 100 x 10 s x 30 days = 500 minutes at $0.10.
    await expect(
      page.getByTestId('projection-aws-rekognition-video-stored').getByTestId('monthly-usd'),
    ).toHaveText('$50.00');

    // Half the frames skipped halves the per-image bill but not the per-minute one.
    await fill('inferenceRatio', '0.5');
    await expect(row.getByTestId('monthly-usd')).toHaveText('$450.00');
    await expect(row.getByTestId('every-frame-monthly-usd')).toHaveText('$900.00');

    // "Use live ratio" takes inferences / frames from the session's FrameEvent totals.
    await waitForInferences(page, 2);
    const totals = await pauseAndSettle(page);
    await page.getByTestId('use-live-ratio').click();
    const ratio = Number(await page.getByTestId('scenario-inferenceRatio').inputValue());
    expect(ratio).toBeCloseTo(totals.inferences / totals.frames, 3);

    // A bad input names its field and keeps no stale table.
    await fill('fps', '');
    await expect(page.getByTestId('scenario-errors')).toContainText('fps:');
    await expect(page.getByTestId('projection-table')).toHaveCount(0);
  });
});
