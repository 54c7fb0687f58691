/**
 * What `npm run telemetry-overhead` does in the page: opens the live view on the sample clip, switches fleet
 * telemetry through its panel (the one switch a user has), and reads the display rate and telemetry's own
 * main-thread tally through the test facade (`window.segmeter`).
 */
import type { Page } from '@playwright/test';
import type { WindowWork } from './overheadSummary.ts';

const FIRST_MASK_TIMEOUT_MS = 90_000;
const SWITCH_TIMEOUT_MS = 30_000;

/** The live view playing the bundled sample clip (looped), with its first inferred mask shown. */
export async function openLiveView(page: Page, origin: string, backend: string): Promise<void> {
  await page.setViewportSize({ width: 1400, height: 2200 });
  await page.goto(`${origin}/${backend === 'auto' ? '' : `?backend=${backend}`}`);
  await page.waitForFunction(() => window.segmeter !== undefined);
  await page.evaluate(() => window.segmeter?.modelReady);
  await page.waitForFunction(() => window.segmeter?.snapshot().firstMaskAt ?? null, null, {
    polling: 100,
    timeout: FIRST_MASK_TIMEOUT_MS,
  });
}

/** Opens the Telemetry section and sets the export interval (and no log records) while telemetry is still off. */
export async function prepareTelemetryPanel(page: Page, intervalS: number): Promise<void> {
  const section = page.getByTestId('section-telemetry');
  if (!(await section.evaluate((d) => (d as HTMLDetailsElement).open)))
    await section.locator('> summary').click();
  const panel = page.getByTestId('telemetry-panel');
  await panel.getByTestId('telemetry-interval').fill(String(intervalS));
  await panel.getByTestId('telemetry-interval').blur();
  await panel.getByTestId('telemetry-sampling').fill('0');
  await panel.getByTestId('telemetry-sampling').blur();
}

/**
 * Turns telemetry on or off with the panel's switch, and waits until the session says so. Off waits also until every
 * switched-off exporter has settled its last export, so nothing sent after this belongs to an earlier window.
 */
export async function switchTelemetry(page: Page, on: boolean): Promise<void> {
  const box = page.getByTestId('telemetry-enabled');
  if ((await box.isChecked()) !== on) await box.setChecked(on);
  await page.waitForFunction(
    (want) => {
      const probe = window.segmeter?.telemetry();
      return want ? probe?.status != null : probe?.status === null && probe.stopping === 0;
    },
    on,
    { polling: 100, timeout: SWITCH_TIMEOUT_MS },
  );
}

export interface PageReading {
  frames: number;
  /** performance.now() in the page, ms. */
  at: number;
  /** Telemetry's cumulative tally since it was switched on; null while off. */
  work: (Omit<WindowWork, 'exportCalls'> & { exportCalls: number; startedAt: number }) | null;
  state: string | null;
}

export function readPage(page: Page): Promise<PageReading> {
  return page.evaluate(() => {
    const s = window.segmeter;
    const status = s?.telemetry().status ?? null;
    return {
      frames: s?.store.totals.frames ?? 0,
      at: performance.now(),
      work: status
        ? {
            recordMs: status.work.recordMs,
            readMs: status.work.readMs,
            reads: status.work.reads,
            exportMs: status.work.exportMsTotal,
            exportCalls: status.exportMs.calls,
            startedAt: status.work.startedAt,
          }
        : null,
      state: status?.metrics.state ?? null,
    };
  });
}

/** What telemetry spent between two readings of the same exporter (null when off, or if it was restarted). */
export function workBetween(a: PageReading, b: PageReading): WindowWork | null {
  if (!a.work || !b.work || a.work.startedAt !== b.work.startedAt) return null;
  return {
    recordMs: b.work.recordMs - a.work.recordMs,
    readMs: b.work.readMs - a.work.readMs,
    reads: b.work.reads - a.work.reads,
    exportMs: b.work.exportMs - a.work.exportMs,
    exportCalls: b.work.exportCalls - a.work.exportCalls,
  };
}

const LOOP_WAIT_MS = 60_000;

/**
 * Waits until the looping sample clip starts over and returns its media time then (seconds, near 0). Every window
 * starts there, so every window shows the same frames: how much the gate infers depends on the clip's content, and
 * windows at different places in the clip differ by more than telemetry could ever cost.
 */
export async function waitForLoopStart(page: Page): Promise<number> {
  // Polled in the page with the previous time kept on window: no helper functions inside (tsx would wrap them).
  await page.evaluate(() => {
    (window as { loopProbe?: number | null }).loopProbe = null;
  });
  const handle = await page.waitForFunction(
    () => {
      const w = window as { loopProbe?: number | null };
      const now = window.segmeter?.sourceTime() ?? null;
      const previous = w.loopProbe ?? null;
      w.loopProbe = now;
      return now !== null && previous !== null && now < previous ? { now } : null;
    },
    null,
    { polling: 15, timeout: LOOP_WAIT_MS },
  );
  const { now } = (await handle.jsonValue()) as { now: number };
  await handle.dispose();
  return now;
}
