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

  test('auto times the backends on warm-up frames and says which it picked', async ({ page }) => {
    await openApp(page, '?backend=auto');
    await openSection(page, 'model');
    await expect(page.getByTestId('backend-timings')).toBeVisible({ timeout: 150_000 });
    const s = await snapshot(page);
    const timings = s.segmenter?.timings ?? {};
    const measured = Object.entries(timings).filter(([, t]) => typeof t === 'number') as [string, number][];
    expect(measured.length).toBeGreaterThanOrEqual(2);
    const fastest = measured.sort((a, b) => a[1] - b[1])[0][0];
    expect(s.segmenter?.backend).toBe(fastest);
    await expect(page.getByTestId('notices')).toContainText(`Auto picked ${fastest}`);
  });
});
