import { expect, test } from '@playwright/test';
import { openApp, snapshot, waitForInferences } from './app';

test('the tensor count stays flat over 300 frames of live segmentation', async ({ page }) => {
  await openApp(page);
  await waitForInferences(page, 5);
  const before = await page.evaluate(() => window.segmeter?.numTensors());
  const start = await snapshot(page);
  await page.waitForFunction(
    (target) => (window.segmeter?.store.totals.frames ?? 0) >= target,
    start.totals.frames + 300,
    {
      timeout: 120_000,
    },
  );
  const end = await snapshot(page);
  const after = await page.evaluate(() => window.segmeter?.numTensors());
  expect(end.totals.inferences - start.totals.inferences).toBeGreaterThan(20);
  expect(before).toBeGreaterThan(0);
  expect(after).toBe(before);
});
