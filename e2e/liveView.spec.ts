import { expect, test } from '@playwright/test';
import { brightShare, openApp, openSection, snapshot, waitForInferences } from './app';

test.describe('sample clip, no camera needed', () => {
  test('plays the bundled clip, segments it in a worker and blurs its background', async ({ page }) => {
    await openApp(page);
    await expect(page.getByTestId('source-label')).toContainText('Sample clip');
    await waitForInferences(page, 10);
    const s = await snapshot(page);
    expect(s.segmenter).toMatchObject({ runtime: 'tfjs', backend: 'wasm', where: 'worker' });
    expect(s.source?.kind).toBe('sample');
    expect(s.stats.modelMsP50).toBeGreaterThan(0);
    expect(s.stats.endToEndMsP50).toBeGreaterThanOrEqual(s.stats.modelMsP50 ?? 0);
    await expect(page.getByTestId('model-ms')).toContainText(/\d+\.\d ms/);

    // The mask view shows a person-sized region, not an empty or a full frame.
    await page.getByRole('radio', { name: 'Mask' }).click();
    await waitForInferences(page, 3);
    const share = await brightShare(page);
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.8);
  });

  test('composites in a worker by default and on the main thread with ?compositor=main, showing the mask either way', async ({
    page,
  }) => {
    for (const [query, kind, text] of [
      ['?backend=wasm', 'worker', /Compositing in a worker/],
      ['?backend=wasm&compositor=main', 'main', /Compositing on the main thread/],
    ] as const) {
      await openApp(page, query);
      await page.getByRole('radio', { name: 'Mask' }).click();
      await waitForInferences(page, 5);
      const s = await snapshot(page);
      expect(s.compositor).toBe(kind);
      expect(s.composeMainMsP50).toBeGreaterThanOrEqual(0);
      await openSection(page, 'model');
      await expect(page.getByTestId('compositor-info')).toContainText(text);
      // The stage read back through the compositor (a transferred canvas cannot be read by the page).
      const share = await brightShare(page);
      expect(share).toBeGreaterThan(0.05);
      expect(share).toBeLessThan(0.8);
    }
  });

  test('auto shows a first mask before any timing, then times every backend in the background', async ({
    page,
  }) => {
    // Nothing on the way logs an error (tfjs's webgpu factory did, on every load, where no adapter exists).
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await openApp(page, '?backend=auto');
    // The first mask comes from the backend expected to be fastest here (software WebGL: wasm), untimed.
    await waitForInferences(page, 1);
    const first = await snapshot(page);
    expect(first.backendTimings).toBeNull();
    expect(first.segmenter?.backend).toBe('wasm');
    await expect(page.getByTestId('notices')).toContainText('timing the other backends in the background');
    await openSection(page, 'model');
    // Then the background timing lands: at least two backends measured, and the session runs on the fastest.
    await expect(page.getByTestId('backend-timings')).toBeVisible({ timeout: 170_000 });
    const s = await snapshot(page);
    const measured = Object.entries(s.backendTimings ?? {}).filter(([, t]) => typeof t === 'number') as [
      string,
      number,
    ][];
    expect(measured.length).toBeGreaterThanOrEqual(2);
    const webgpu = s.backendTimings?.webgpu;
    if (typeof webgpu !== 'number') expect(webgpu).toMatch(/^(no WebGPU adapter|not offered)/);
    expect(consoleErrors).toEqual([]);
    const fastest = measured.sort((a, b) => a[1] - b[1])[0][0];
    await expect
      .poll(async () => (await snapshot(page)).segmenter?.backend, { timeout: 60_000 })
      .toBe(fastest);
    await expect(page.getByTestId('notices')).toContainText(
      /Background timing \(.*\): (staying on|switched to)/,
    );
    // The winner is remembered: a reload starts on it straight away.
    expect(await page.evaluate(() => localStorage.getItem('segmeter.backend.v1'))).toBe(fastest);
  });
});
