import { expect, test } from '@playwright/test';
import { openApp, openSection, snapshot } from './app';
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

  // The UI offers it too (in the Skip gate section), and reports progress.
  await openSection(page, 'gate');
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
  // The panel also shows the free staleness of every inference; wait for the checks themselves.
  await page.waitForFunction(
    () => (window.segmeter?.store.inferences.filter((r) => r.kind === 'shadow').length ?? 0) >= 2,
    null,
    { timeout: 60_000 },
  );
  // Freeze, let the last inference settle (totals stop moving), then read the log and the billed totals together.
  await page.evaluate(() => window.segmeter?.pauseSource());
  let last = '';
  for (;;) {
    await page.waitForTimeout(750);
    const now = await page.evaluate(() => JSON.stringify(window.segmeter?.store.totals));
    if (now === last) break;
    last = now;
  }
  const { checks, events, totals, modelCalls } = await page.evaluate(async () => {
    const store = window.segmeter?.store;
    return {
      checks: store?.inferences.filter((r) => r.kind === 'shadow') ?? [],
      events: store?.events ?? [],
      totals: store?.snapshotTotals(),
      modelCalls: (await window.segmeter?.modelCalls()) ?? 0,
    };
  });
  expect(checks.length).toBeGreaterThan(0);
  for (const r of checks) {
    expect(r.staleIou).toBeGreaterThanOrEqual(0);
    expect(r.staleIou).toBeLessThanOrEqual(1);
    // The frame a check ran on reused the cached mask: it is not a billed inference.
    const frame = events.find((e) => e.frame === r.frame);
    if (frame) expect(frame.ran).toBe(false);
    expect(events.some((e) => e.inferenceId === r.id)).toBe(false);
  }
  // Billed = the inferences that ran, not the checks: the totals and the cost meter count only those, while the
  // model itself was called for both.
  const ran = events.filter((e) => e.ran).length;
  expect(totals?.inferences).toBe(ran);
  expect(totals?.shadowChecks).toBeGreaterThanOrEqual(checks.length);
  expect(modelCalls).toBeGreaterThanOrEqual(ran + checks.length);
  await expect(page.getByTestId('cost-inferences')).toHaveText(ran.toLocaleString('en-US'));
});
