import { describe, expect, it } from 'vitest';
import { loadDefaultCatalog } from '../pricing/defaultCatalog.ts';
import { budgetAfterCatalog } from './budgetAfterCatalog.ts';

const catalog = loadDefaultCatalog();
const config = {
  catalogId: 'aws-rekognition-image-group2',
  limitUSD: 1,
  softAt: 0.8,
  period: 'session' as const,
};

describe('budgetAfterCatalog', () => {
  it('keeps a budget whose entry is still there with a price', () => {
    expect(budgetAfterCatalog(config, catalog)).toEqual({ config, notice: null });
    expect(budgetAfterCatalog(null, catalog)).toEqual({ config: null, notice: null });
  });

  it('drops, with a notice, a budget whose entry was removed, renamed or not imported', () => {
    const removed = catalog.filter((e) => e.id !== config.catalogId);
    const renamed = catalog.map((e) => (e.id === config.catalogId ? { ...e, id: 'renamed' } : e));
    for (const next of [removed, renamed, []]) {
      const out = budgetAfterCatalog(config, next);
      expect(out.config).toBeNull();
      expect(out.notice).toMatch(
        /Budget removed: its entry aws-rekognition-image-group2 is no longer in the catalog/,
      );
    }
  });

  it('drops a budget whose entry lost its tiers', () => {
    const emptied = catalog.map((e) => (e.id === config.catalogId ? { ...e, tiers: [] } : e));
    expect(budgetAfterCatalog(config, emptied).notice).toMatch(/has no price any more/);
  });
});
