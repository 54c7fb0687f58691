import { expect, type Page, test } from '@playwright/test';
import { expectNotice, openApp, snapshot, waitForInferences } from './app';

const frames = (page: Page) => page.evaluate(() => window.segmeter?.store.totals.frames ?? 0);

/** A cheap fingerprint of the stage as the compositor last drew it (read through the facade, wherever it draws). */
const stageSum = (page: Page) =>
  page.evaluate(async () => {
    const pixels = await window.segmeter?.stagePixels();
    if (!pixels || pixels.width === 0) throw new Error('no stage');
    let sum = 0;
    for (let i = 0; i < pixels.data.length; i += 97) sum = (sum * 31 + pixels.data[i]) % 1_000_000_007;
    return sum;
  });

test('when the compositor worker dies, a fresh stage canvas takes over on the main thread and frames go on', async ({
  page,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await openApp(page);
  await waitForInferences(page, 3);
  expect((await snapshot(page)).compositor).toBe('worker');
  const firstFrame = await page.evaluate(() => window.segmeter?.store.events.at(-1)?.frame ?? 0);

  expect(await page.evaluate(() => window.segmeter?.crashCompositor())).toBe(true);
  await expectNotice(page, /Compositing moved to the main thread: the compositor worker failed/);
  expect((await snapshot(page)).compositor).toBe('main');

  // Frames keep being counted, and the stage keeps changing from frame to frame (the sample clip moves).
  const afterCrash = await frames(page);
  await expect.poll(() => frames(page), { timeout: 30_000 }).toBeGreaterThan(afterCrash + 20);
  const sums = new Set<number>();
  for (let i = 0; i < 5; i++) {
    sums.add(await stageSum(page));
    await page.waitForTimeout(300);
  }
  expect(sums.size).toBeGreaterThan(1);
  // What the page shows is the fresh canvas, drawn on here: one stage, with a 2D context the page can read.
  await expect(page.getByTestId('stage')).toHaveCount(1);
  const shown = await page.getByTestId('stage').evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0) return null;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return data.some((v, i) => i % 4 !== 3 && v > 0);
  });
  expect(shown).toBe(true);
  // The event stream went on without a gap: consecutive frames across the crash, and new inferences settle.
  const events = await page.evaluate(() => window.segmeter?.store.events.map((e) => e.frame) ?? []);
  const since = events.filter((f) => f >= firstFrame);
  for (let i = 1; i < since.length; i++) expect(since[i]).toBe(since[i - 1] + 1);
  await waitForInferences(page, 2);
  expect(pageErrors).toEqual([]);
});

test('a compositor worker that stops answering is given up after its time-out: the stage goes on on the main thread', async ({
  page,
}) => {
  await openApp(page);
  await waitForInferences(page, 2);
  expect((await snapshot(page)).compositor).toBe('worker');
  expect(await page.evaluate(() => window.segmeter?.crashCompositor(true))).toBe(true);
  // One frame in flight at a time: without the watchdog every later frame would be dropped and the stage frozen.
  await expectNotice(
    page,
    /Compositing moved to the main thread: the compositor worker did not answer within 4 s/,
  );
  expect((await snapshot(page)).compositor).toBe('main');
  const after = await frames(page);
  await expect.poll(() => frames(page), { timeout: 30_000 }).toBeGreaterThan(after + 20);
  const sums = new Set<number>();
  for (let i = 0; i < 5; i++) {
    sums.add(await stageSum(page));
    await page.waitForTimeout(300);
  }
  expect(sums.size).toBeGreaterThan(1);
});
