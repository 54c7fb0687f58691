import { expect, test } from '@playwright/test';
import { brightShare, openApp, openSection, snapshot, waitForInferences } from './app';
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

test('a whole session requests nothing outside its own origin', async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.context().on('request', (request) => requests.push(request.url()));
  await openApp(page, '?backend=auto');
  await waitForInferences(page, 5, 180_000);
  for (const effect of ['Replace', 'Mask', 'Off', 'Blur'])
    await page.getByRole('radio', { name: effect }).click();
  for (const name of ['sunset', 'fractal']) await page.getByRole('button', { name }).click();
  await page.getByRole('button', { name: 'Camera' }).click();
  await expect.poll(async () => (await snapshot(page)).source?.kind).toBe('camera');
  await waitForInferences(page, 3);
  await openSection(page, 'model');
  await page.getByLabel('Model and runtime').selectOption('selfie-landscape-mediapipe');
  await expect
    .poll(async () => (await snapshot(page)).segmenter?.runtime, { timeout: 90_000 })
    .toBe('mediapipe');
  await waitForInferences(page, 3);

  const origin = new URL(baseURL ?? '').origin;
  const outside = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(blob|data):/.test(url));
  expect(requests.length).toBeGreaterThan(10);
  expect(requests.some((url) => url.includes('/mediapipe/'))).toBe(true);
  expect(requests.some((url) => url.includes('/tfjs-wasm/'))).toBe(true);
  expect(outside).toEqual([]);
});
