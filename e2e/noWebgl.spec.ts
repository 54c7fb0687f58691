import { expect, test } from '@playwright/test';
import { expectNotice, openApp, snapshot, waitForInferences } from './app';
import { BASE_ARGS, executablePath } from './chromiumArgs';

// A browser with no WebGL at all: no GPU and no software rasterizer (--disable-webgl alone leaves workers' WebGL on).
test.use({
  launchOptions: { executablePath, args: [...BASE_ARGS, '--disable-gpu', '--disable-software-rasterizer'] },
});

test('without WebGL the webgl backend is refused with a message and wasm runs instead', async ({ page }) => {
  await openApp(page, '?backend=webgl');
  await expectNotice(page, /webgl is not available here: switched to wasm/);
  await expect.poll(async () => (await snapshot(page)).segmenter?.backend, { timeout: 90_000 }).toBe('wasm');
  await waitForInferences(page, 5);
});
