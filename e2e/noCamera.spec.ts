import { expect, test } from '@playwright/test';
import { expectNotice, openApp, snapshot } from './app';
import { BASE_ARGS, executablePath } from './chromiumArgs';

// Permission prompts are answered "allow", but the machine has no camera at all.
test.use({ launchOptions: { executablePath, args: [...BASE_ARGS, '--use-fake-ui-for-media-stream'] } });

test('with no camera the app says so and the sample clip keeps playing', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Camera' }).click();
  await expectNotice(page, /No camera was found/);
  const s = await snapshot(page);
  expect(s.source?.kind).toBe('sample');
  await expect.poll(async () => (await snapshot(page)).totals.frames).toBeGreaterThan(s.totals.frames + 10);
});
