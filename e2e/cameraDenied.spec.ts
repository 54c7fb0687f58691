import { expect, test } from '@playwright/test';
import { expectNotice, openApp, snapshot } from './app';
import { BASE_ARGS, executablePath } from './chromiumArgs';

// A camera exists, but nobody answers the permission prompt with "allow" (no fake-UI flag, no granted permission).
test.use({ launchOptions: { executablePath, args: [...BASE_ARGS, '--use-fake-device-for-media-stream'] } });

test('a denied camera is explained and the sample clip keeps playing', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Camera' }).click();
  await expectNotice(page, /Camera permission was denied/);
  const s = await snapshot(page);
  expect(s.source?.kind).toBe('sample');
  await expect.poll(async () => (await snapshot(page)).totals.frames).toBeGreaterThan(s.totals.frames + 10);
});
