import { describe, expect, it } from 'vitest';
import { loadDefaultCatalog } from '../pricing/defaultCatalog.ts';
import { parseBudget } from './parseBudget.ts';

describe('parseBudget', () => {
  it('accepts a budget file and defaults softAt to 0.8', () => {
    expect(parseBudget('{"catalogId":"aws-rekognition-image-group2","limitUSD":0.5}')).toEqual({
      ok: true,
      value: { catalogId: 'aws-rekognition-image-group2', limitUSD: 0.5, softAt: 0.8, period: 'session' },
    });
  });

  it('lists every bad field at once', () => {
    const result = parseBudget({ catalogId: '', limitUSD: -1, softAt: 1.5, extra: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'extra: unknown field',
      'catalogId: must be a non-empty string',
      'limitUSD: must be a number > 0',
      'softAt: must be a number in (0, 1]',
    ]);
  });

  it('rejects bad JSON and non-objects', () => {
    const bad = parseBudget('{');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/^\(root\): not valid JSON/);
    expect(parseBudget([1])).toEqual({ ok: false, errors: ['(root): a budget must be a JSON object'] });
  });

  it('checks the id against a catalog when given one', () => {
    const catalog = loadDefaultCatalog();
    const unknown = parseBudget({ catalogId: 'nope', limitUSD: 1 }, catalog);
    expect(unknown).toEqual({ ok: false, errors: ['catalogId: no catalog entry "nope"'] });
    const unpriced = [{ ...catalog[0], tiers: [] }];
    const result = parseBudget({ catalogId: catalog[0].id, limitUSD: 1 }, unpriced);
    expect(result).toEqual({ ok: false, errors: [`catalogId: "${catalog[0].id}" has no public price`] });
  });
});

describe('parseBudget periods', () => {
  it('takes a day or month period and refuses others', () => {
    const day = parseBudget({ catalogId: 'x', limitUSD: 1, period: 'day' });
    expect(day.ok && day.value.period).toBe('day');
    const bad = parseBudget({ catalogId: 'x', limitUSD: 1, period: 'week' });
    expect(bad).toEqual({ ok: false, errors: ['period: must be one of session, day, month'] });
  });
});
