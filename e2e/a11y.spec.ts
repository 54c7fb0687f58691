import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { openApp, openSection } from './app';

/** WCAG 2.1 A and AA rules (axe-core tags). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
test.describe.configure({ timeout: 600_000 });

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

test('axe finds no WCAG 2.1 A/AA violation on Live, with every section open, on Sweep and on Report', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await expect(page.getByTestId('headline')).toBeVisible();
  expect(await violations(page), 'Live').toEqual([]);

  for (const id of ['gate', 'model', 'guards', 'metrics', 'sessions', 'log']) await openSection(page, id);
  for (const row of await page.locator('.meter-row > summary').all()) await row.click();
  await page.getByText(/Comparing \d+ of \d+ catalog entries/).click();
  expect(await violations(page), 'Live, sections open').toEqual([]);

  await page.getByTestId('tab-sweep').click();
  await expect(page.getByTestId('tab-sweep')).toHaveAttribute('aria-selected', 'true');
  expect(await violations(page), 'Sweep').toEqual([]);

  await page.getByTestId('tab-report').click();
  await expect(page.getByTestId('report')).toHaveAttribute('data-ready', 'true');
  expect(await violations(page), 'Report').toEqual([]);

  // Narrow: the same views in one column.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await violations(page), 'Report, 390 px').toEqual([]);
  await page.getByTestId('tab-live').click();
  expect(await violations(page), 'Live, 390 px').toEqual([]);
});
