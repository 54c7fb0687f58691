import { expect, type Page } from '@playwright/test';
import type { SessionSnapshot } from '../src/engine/session/sessionSnapshot';

/** The session snapshot the UI renders from. */
export function snapshot(page: Page): Promise<SessionSnapshot> {
  return page.evaluate(() => {
    const live = window.segmeter;
    if (!live) throw new Error('no session yet');
    return live.snapshot();
  });
}

export async function openApp(page: Page, query = '?backend=wasm'): Promise<void> {
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.segmeter?.snapshot().source, null, { timeout: 60_000 });
}

/** Waits until the session has run at least `count` more inferences than it had. */
export async function waitForInferences(page: Page, count: number, timeout = 120_000): Promise<void> {
  const start = (await snapshot(page)).totals.inferences;
  await page.waitForFunction(
    (target) => (window.segmeter?.store.totals.inferences ?? 0) >= target,
    start + count,
    {
      timeout,
    },
  );
}

/**
 * Share of the stage's pixels that are bright, which in the mask view means "person". Read through the facade: the
 * stage canvas belongs to the compositor worker, so the page cannot read it.
 */
export function brightShare(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const pixels = await window.segmeter?.stagePixels();
    if (!pixels || pixels.width === 0) throw new Error('no stage');
    const { data } = pixels;
    let bright = 0;
    for (let i = 0; i < data.length; i += 4)
      if (data[i] > 128 && data[i + 1] > 128 && data[i + 2] > 128) bright++;
    return bright / (data.length / 4);
  });
}

export async function expectNotice(page: Page, text: RegExp): Promise<void> {
  await expect(page.getByTestId('notices')).toContainText(text);
}

/** Opens a collapsible section of the Live view (gate, model, guards, metrics, sessions, log) through its summary. */
export async function openSection(page: Page, id: string): Promise<void> {
  const section = page.getByTestId(`section-${id}`);
  if (!(await section.evaluate((d) => (d as HTMLDetailsElement).open)))
    await section.locator('> summary').click();
  await expect(section).toHaveAttribute('open', '');
}

/** Stops new frames, then waits until the FrameEvent totals stop moving (an in-flight inference settles late). */
export async function pauseAndSettle(page: Page): Promise<{ frames: number; inferences: number }> {
  await page.evaluate(() => window.segmeter?.pauseSource());
  let last = '';
  for (;;) {
    await page.waitForTimeout(750);
    const totals = await page.evaluate(() => {
      const t = window.segmeter?.store.totals;
      return { frames: t?.frames ?? 0, inferences: t?.inferences ?? 0 };
    });
    const key = JSON.stringify(totals);
    if (key === last) return totals;
    last = key;
  }
}
