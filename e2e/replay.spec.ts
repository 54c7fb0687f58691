import { expect, test } from '@playwright/test';
import { openApp, snapshot } from './app';
import { SHORT_CLIP } from './globalSetup';

test('a frame-stepped replay of a clip gives the same decisions twice', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('file-input').setInputFiles(SHORT_CLIP);
  await expect.poll(async () => (await snapshot(page)).source?.kind).toBe('file');
  await page.waitForFunction(() => window.segmeter?.snapshot().segmenter, null, { timeout: 90_000 });

  const first = await page.evaluate(() => window.segmeter?.replay());
  const second = await page.evaluate(() => window.segmeter?.replay());
  expect(first?.length).toBe(60);
  expect(second).toEqual(first);
  const ran = first?.filter((d) => d.ran).length ?? 0;
  expect(ran).toBeGreaterThan(0);
  expect(ran).toBeLessThan(60);
  expect(first?.[0]).toEqual({ ran: true, reason: 'first-frame' });

  // The UI offers it too, and reports progress.
  await page.getByRole('button', { name: 'Replay frame by frame' }).click();
  await expect(page.getByTestId('replay-progress')).toContainText(
    `Replayed 60/60 frames at 30 fps, ${ran} inferences`,
  );
});

test('the staleness check runs the model on skipped frames without billing them', async ({ page }) => {
  await openApp(page);
  await page.waitForFunction(() => window.segmeter?.snapshot().segmenter, null, { timeout: 90_000 });
  await page.evaluate(() => window.segmeter?.setShadowShare(0.5));
  await expect(page.getByTestId('staleness')).toContainText(/IoU last 0?\.\d{3}/, { timeout: 60_000 });
  // Freeze, let the last inference settle (totals stop moving), then read the log and the billed totals together.
  await page.evaluate(() => window.segmeter?.loop.source?.video.pause());
  let last = '';
  for (;;) {
    await page.waitForTimeout(750);
    const now = await page.evaluate(() => JSON.stringify(window.segmeter?.store.totals));
    if (now === last) break;
    last = now;
  }
  const { events, totals, modelCalls } = await page.evaluate(async () => ({
    events: window.segmeter?.store.events ?? [],
    totals: window.segmeter?.store.totals,
    modelCalls: (await window.segmeter?.loop.segmenter?.modelCalls()) ?? 0,
  }));
  const shadows = events.filter((e) => e.shadowIou !== undefined);
  expect(shadows.length).toBeGreaterThan(0);
  for (const e of shadows) {
    expect(e.ran).toBe(false);
    expect(e.shadowIou).toBeGreaterThanOrEqual(0);
    expect(e.shadowIou).toBeLessThanOrEqual(1);
  }
  // Billed = the inferences that ran, not the shadow checks: the totals and the cost meter count only those,
  // while the model itself was called for both.
  const ran = events.filter((e) => e.ran).length;
  expect(totals?.inferences).toBe(ran);
  expect(modelCalls).toBeGreaterThanOrEqual(ran + shadows.length);
  await expect(page.getByTestId('cost-inferences')).toHaveText(ran.toLocaleString('en-US'));
});
