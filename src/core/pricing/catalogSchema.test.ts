import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type CatalogEntryInput, parseCatalog } from './catalogSchema.ts';
import { loadDefaultCatalog } from './defaultCatalog.ts';

const good = (over: Partial<CatalogEntryInput> = {}): CatalogEntryInput => ({
  id: 'x',
  provider: 'P',
  product: 'Thing',
  unit: 'image',
  tiers: [{ upToUnitsPerMonth: null, pricePerUnitUSD: 0.001 }],
  sourceUrl: 'https://example.com/pricing',
  seenDate: '2026-11-28',
  confidence: 'verified',
  notes: '',
  ...over,
});

describe('parseCatalog', () => {
  it('accepts the default catalog and fills the defaults (rounding "none", notes "")', () => {
    const result = parseCatalog([{ ...good(), rounding: undefined, notes: undefined }]);
    expect(result).toEqual({ ok: true, value: [{ ...good(), rounding: 'none', notes: '' }] });
    expect(loadDefaultCatalog().length).toBeGreaterThan(20);
  });

  it('the default catalog keeps every research entry id, source, date and confidence', () => {
    const research = JSON.parse(
      readFileSync(new URL('../../../../shared/pricing/catalog-research.json', import.meta.url), 'utf8'),
    ) as { id: string; sourceUrl: string; seenDate: string; confidence: string; tiers: unknown[] }[];
    const catalog = loadDefaultCatalog();
    expect(catalog.map((e) => e.id)).toEqual(research.map((e) => e.id));
    for (const [i, r] of research.entries()) {
      expect(catalog[i]).toMatchObject({
        sourceUrl: r.sourceUrl,
        seenDate: r.seenDate,
        confidence: r.confidence,
        tiers: r.tiers,
      });
    }
    for (const e of catalog.filter((c) => c.unit === 'second' || c.unit === 'hour')) {
      expect(e.throughputFps, e.id).toBeGreaterThan(0);
      expect(e.notes, e.id).toMatch(
        /throughputFps \d+: (the article's worked example|ASSUMPTION|PLACEHOLDER)/,
      );
    }
  });

  it('lists EVERY bad field with its path, and returns no partial catalog', () => {
    const input = [
      good({ id: 'a' }),
      { ...good({ id: 'b' }), unit: 'minutes', extra: 1 },
      good({ id: 'c', sourceUrl: 'not a url', seenDate: '28/11/2026', confidence: 'maybe' as 'verified' }),
      {
        ...good({ id: 'd' }),
        tiers: [
          { upToUnitsPerMonth: 1000, pricePerUnitUSD: 0.001 },
          { upToUnitsPerMonth: null, pricePerUnitUSD: '0.0008' },
        ],
      },
      { ...good({ id: 'e', unit: 'hour' }), provider: 42 },
      good({ id: 'a' }),
    ];
    const result = parseCatalog(input);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('value');
    if (result.ok) return;
    expect(result.errors).toEqual([
      '[1].unit: expected one of "image" | "frames16" | "minute" | "second" | "hour" | "GB"',
      '[1].extra: unknown field',
      '[2].sourceUrl: expected an http:// or https:// URL',
      '[2].seenDate: expected an ISO date YYYY-MM-DD',
      '[2].confidence: expected one of "verified" | "article" | "unverified"',
      '[3].tiers[1].pricePerUnitUSD: expected number, received string',
      '[4].provider: expected string, received number',
      '[4].throughputFps: required for unit "hour"',
      '[5].id: duplicate id "a" (first at [0])',
    ]);
  });

  it('checks the tier ladder: ascending bounds, only the last open-ended, no negative prices', () => {
    const result = parseCatalog([
      good({
        tiers: [
          { upToUnitsPerMonth: 5000, pricePerUnitUSD: 0.001 },
          { upToUnitsPerMonth: 1000, pricePerUnitUSD: -1 },
          { upToUnitsPerMonth: null, pricePerUnitUSD: 0.0005 },
          { upToUnitsPerMonth: 9000, pricePerUnitUSD: 0.0004 },
        ],
      }),
    ]);
    expect(result.ok ? [] : result.errors).toEqual([
      '[0].tiers[1].pricePerUnitUSD: must be >= 0',
      '[0].tiers[1].upToUnitsPerMonth: must be greater than the previous bound 5000',
      '[0].tiers[2].upToUnitsPerMonth: only the last tier may be open-ended (null)',
      '[0].tiers[3].upToUnitsPerMonth: the last tier must be open-ended (null)',
    ]);
  });

  it('an entry with empty tiers is valid: it has no public price', () => {
    expect(parseCatalog([good({ tiers: [] })]).ok).toBe(true);
  });

  it('takes JSON text too, and reports a syntax error or a non-array as one line', () => {
    expect(parseCatalog(JSON.stringify([good()])).ok).toBe(true);
    const broken = parseCatalog('[{');
    expect(broken.ok ? [] : broken.errors).toHaveLength(1);
    expect(broken.ok ? [] : broken.errors[0]).toMatch(/^\(root\): not valid JSON/);
    expect(parseCatalog({})).toEqual({ ok: false, errors: ['(root): expected array, received object'] });
  });

  it('allows only http and https sources, and at most 100 tiers', () => {
    for (const sourceUrl of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd']) {
      const r = parseCatalog([good({ id: 'a', sourceUrl })]);
      expect(r.ok ? [] : r.errors).toEqual(['[0].sourceUrl: expected an http:// or https:// URL']);
    }
    expect(parseCatalog([good({ id: 'a', sourceUrl: 'http://example.com/p' })]).ok).toBe(true);
    const tiers = Array.from({ length: 200_000 }, (_, k) => ({
      upToUnitsPerMonth: k === 199_999 ? null : k + 1,
      pricePerUnitUSD: 0.001,
    }));
    const r = parseCatalog([good({ id: 'a', tiers })]);
    expect(r.ok ? [] : r.errors).toEqual(['[0].tiers: at most 100 items']);
  });
});
