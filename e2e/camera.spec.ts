import { expect, test } from '@playwright/test';
import { brightShare, openApp, snapshot, waitForInferences } from './app';
import { executablePath, fakeCameraArgs } from './chromiumArgs';
import { CAMERA_CLIP } from './globalSetup';

// Chromium's fake camera plays a clip of a real person, made from the sample at test time.
test.use({ launchOptions: { executablePath, args: fakeCameraArgs(CAMERA_CLIP) } });

test('the live view of the camera shows a mask with a person in it', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Camera' }).click();
  await expect.poll(async () => (await snapshot(page)).source?.kind).toBe('camera');
  await page.getByRole('radio', { name: 'Mask' }).click();
  await waitForInferences(page, 10);
  const events = await page.evaluate(
    () => window.segmeter?.store.events.filter((e) => e.source === 'camera' && e.ran).length,
  );
  expect(events).toBeGreaterThan(5);
  const share = await brightShare(page);
  expect(share).toBeGreaterThan(0.05);
  expect(share).toBeLessThan(0.8);
});
