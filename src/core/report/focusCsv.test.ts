import { describe, expect, it } from 'vitest';
import { loadDefaultCatalog } from '../pricing/defaultCatalog.ts';
import { priceSession } from '../pricing/priceSession.ts';
import { parseScenario, type Scenario } from '../pricing/scenarioSchema.ts';
import { buildReport } from './buildReport.ts';
import { projectionCharges, sessionCharges } from './focusCharges.ts';
import { FOCUS_COLUMNS, FOCUS_MANDATORY_COLUMNS, focusCell, focusCsv } from './focusCsv.ts';

const catalog = loadDefaultCatalog();

function scenario(extra: Record<string, unknown> = {}): Scenario {
  const parsed = parseScenario(
    {
      users: 100,
      secondsPerUserPerDay: 10,
      fps: 30,
      days: 30,
      inferenceRatio: 0.25,
      peakConcurrentStreams: 2,
      frameBytes: 50_000,
      providers: [
        'aws-rekognition-image-group2',
        'aws-rekognition-video-stored',
        'aws-ec2-g4dn-xlarge',
        'removebg-api',
      ],
      ...extra,
    },
    catalog,
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

/** Splits a CSV without quoted newlines (ours has none) into rows of cells, honouring quotes. */
function parse(csv: string): Record<string, string>[] {
  const lines = csv.trimEnd().split('\r\n');
  const split = (line: string) => {
    const cells: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    return cells;
  };
  const header = split(lines[0] ?? '');
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i], v])));
}

describe('FOCUS 1.2 CSV', () => {
  it('has every mandatory column, in the spec (alphabetical) order, before the x_ columns', () => {
    const header = focusCsv([]).trimEnd().split(',');
    expect(header).toEqual([...FOCUS_COLUMNS]);
    for (const c of [
      'BilledCost',
      'BillingAccountId',
      'BillingAccountName',
      'BillingCurrency',
      'BillingPeriodEnd',
      'BillingPeriodStart',
      'ChargeCategory',
      'ChargeClass',
      'ChargeDescription',
      'ChargePeriodEnd',
      'ChargePeriodStart',
      'ContractedCost',
      'EffectiveCost',
      'InvoiceIssuerName',
      'ListCost',
      'PricingQuantity',
      'PricingUnit',
      'ProviderName',
      'PublisherName',
      'ServiceCategory',
      'ServiceName',
    ])
      expect(FOCUS_MANDATORY_COLUMNS).toContain(c);
    const spec = header.filter((c) => !c.startsWith('x_'));
    expect(spec).toEqual([...spec].sort());
    expect(header.findIndex((c) => c.startsWith('x_'))).toBe(spec.length);
  });

  it("a projection: one Usage row per priced entry, BilledCost summing to the report's adaptive total", () => {
    const s = scenario();
    const month = new Date(Date.UTC(2026, 11, 15, 12));
    const rows = parse(focusCsv(projectionCharges(s, catalog, { policy: 'adaptive', month })));
    // removebg-api has no public price: no cost to report.
    expect(rows.map((r) => r.x_CatalogId)).toEqual([
      'aws-rekognition-image-group2',
      'aws-rekognition-video-stored',
      'aws-ec2-g4dn-xlarge',
    ]);
    const report = buildReport(s, null, catalog);
    const adaptive = report.providers.reduce((a, r) => a + (r.adaptiveMonthlyUSD ?? 0), 0);
    expect(rows.reduce((a, r) => a + Number(r.BilledCost), 0)).toBeCloseTo(adaptive, 9);
    const image = rows[0];
    expect(image).toMatchObject({
      BilledCost: '225',
      ListCost: '225',
      EffectiveCost: '225',
      ContractedCost: '225',
      PricingQuantity: '225000',
      PricingUnit: 'Images',
      BillingCurrency: 'USD',
      ChargeCategory: 'Usage',
      ChargeClass: '',
      ChargeFrequency: 'Usage-Based',
      BillingPeriodStart: '2026-12-01T00:00:00Z',
      BillingPeriodEnd: '2027-01-01T00:00:00Z',
      ChargePeriodStart: '2026-12-01T00:00:00Z',
      ChargePeriodEnd: '2027-01-01T00:00:00Z',
      ProviderName: 'AWS',
      ServiceCategory: 'AI and Machine Learning',
      x_AsIf: 'true',
      x_Scenario: 'projection',
      x_Policy: 'adaptive',
      x_Feature: 'person-segmentation',
      x_InferenceRatio: '0.25',
      x_EveryFrameCost: '900',
      x_SavingCost: '675',
    });
    expect(rows[2]?.ServiceCategory).toBe('Compute');
    for (const r of rows)
      for (const c of FOCUS_MANDATORY_COLUMNS) if (c !== 'ChargeClass') expect(r[c]).not.toBe('');
  });

  it('a session: one row per priced entry over the stream time', () => {
    const entries = catalog.filter(
      (e) => e.id === 'aws-rekognition-image-group2' || e.id === 'fal-sam3-video',
    );
    const prices = priceSession(entries, {
      frames: 300,
      inferences: 60,
      durationSeconds: 10,
      sessions: 1,
      frameBytes: 0,
    });
    const start = new Date(Date.UTC(2026, 10, 30, 23, 59, 55));
    const rows = parse(
      focusCsv(
        sessionCharges(prices, catalog, {
          policy: 'adaptive',
          start,
          durationSeconds: 10,
          inferenceRatio: 0.2,
        }),
      ),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      ChargePeriodStart: '2026-11-30T23:59:55Z',
      ChargePeriodEnd: '2026-12-01T00:00:05Z',
      BillingPeriodStart: '2026-11-01T00:00:00Z',
      x_Scenario: 'session',
      x_AsIf: 'true',
    });
    expect(Number(rows[0]?.BilledCost)).toBeCloseTo(0.06, 12);
  });

  it('neutralises text that a spreadsheet would run as a formula, but not numbers', () => {
    expect(focusCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(focusCell('+1')).toBe("'+1");
    expect(focusCell('-2')).toBe("'-2");
    expect(focusCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(focusCell('\tx')).toBe("'\tx");
    expect(focusCell(-2)).toBe('-2');
    expect(focusCell(null)).toBe('');
    expect(focusCell(true)).toBe('true');
    expect(focusCell('a, b')).toBe('"a, b"');
    const evil = { ...catalog[0], provider: '=cmd|calc', product: '@evil' } as (typeof catalog)[number];
    const csv = focusCsv(
      projectionCharges(scenario({ providers: [catalog[0]?.id] }), [evil], {
        policy: 'adaptive',
        month: new Date(0),
      }),
    );
    expect(csv).not.toMatch(/,=cmd/);
    expect(csv).toContain(",'=cmd|calc,");
    expect(csv).toContain(",'@evil,");
  });
});
