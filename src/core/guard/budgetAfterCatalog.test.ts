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
    expect(budgetAfterCatalog(config, catalog)).toEqual({ config, dropped: null });
    expect(budgetAfterCatalog(null, catalog)).toEqual({ config: null, dropped: null });
  });

  it('drops, saying why, a budget whose entry was removed, renamed or not imported', () => {
    const removed = catalog.filter((e) => e.id !== config.catalogId);
    const renamed = catalog.map((e) => (e.id === config.catalogId ? { ...e, id: 'renamed' } : e));
    for (const next of [removed, renamed, []]) {
      const out = budgetAfterCatalog(config, next);
      expect(out.config).toBeNull();
      expect(out.dropped).toEqual({ catalogId: 'aws-rekognition-image-group2', why: 'missing' });
    }
  });

  it('drops a budget whose entry lost its tiers', () => {
    const emptied = catalog.map((e) => (e.id === config.catalogId ? { ...e, tiers: [] } : e));
    expect(budgetAfterCatalog(config, emptied)).toEqual({
      config: null,
      dropped: { catalogId: 'aws-rekognition-image-group2', why: 'unpriced' },
    });
  });
});
