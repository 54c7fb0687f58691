import { expect, test } from '@playwright/test';
import { expectNotice, openApp, snapshot, waitForInferences } from './app';

test('an undecodable video file is refused with a message and the sample keeps playing', async ({ page }) => {
  await openApp(page);
  await waitForInferences(page, 3);
  await page.getByTestId('file-input').setInputFiles({
    name: 'holiday.mp4',
    mimeType: 'video/mp4',
    buffer: Buffer.from('this is not a video, just bytes that claim to be one'.repeat(100)),
  });
  await expectNotice(page, /"holiday\.mp4" cannot be played as video/);
  const before = (await snapshot(page)).totals.frames;
  await expect(page.getByTestId('source-label')).toContainText('Sample clip');
  await expect.poll(async () => (await snapshot(page)).totals.frames).toBeGreaterThan(before + 10);
  await waitForInferences(page, 3);
});

test('a missing model file is named, and the other runtime takes over', async ({ page }) => {
  await page.context().route('**/models/selfie.bin', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await openApp(page);
  await expectNotice(
    page,
    /Model file \/models\/selfie\.bin is missing \(HTTP 404\).*Falling back to Selfie general 256x256 \(MediaPipe solution\)/,
  );
  await expect
    .poll(async () => (await snapshot(page)).segmenter?.runtime, { timeout: 90_000 })
    .toBe('mediapipe');
  await waitForInferences(page, 3);
});

test('a corrupt model file fails its sha256 check, is named, and the other runtime takes over', async ({
  page,
}) => {
  await page.context().route('**/models/selfie.bin', async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[1000] ^= 0xff;
    await route.fulfill({ response, body });
  });
  await openApp(page);
  await expectNotice(page, /Model file \/models\/selfie\.bin is corrupt: its sha256 is/);
  await expect
    .poll(async () => (await snapshot(page)).segmenter?.runtime, { timeout: 90_000 })
    .toBe('mediapipe');
  await waitForInferences(page, 3);
});

test('a lost WebGL context moves inference to wasm and says so', async ({ page }) => {
  await openApp(page, '?backend=webgl');
  await expect.poll(async () => (await snapshot(page)).segmenter?.backend, { timeout: 90_000 }).toBe('webgl');
  await waitForInferences(page, 1);
  const lost = await page.evaluate(() => window.segmeter?.loseContext());
  expect(lost).toBe(true);
  await expectNotice(page, /WebGL context was lost: switched to wasm/);
  await expect.poll(async () => (await snapshot(page)).segmenter?.backend).toBe('wasm');
  await waitForInferences(page, 5);
});
