import { describe, expect, it } from 'vitest';
import type { Catalog } from './catalogSchema.ts';
import { loadDefaultCatalog } from './defaultCatalog.ts';
import { projectMonthly, selectEntries } from './projectMonthly.ts';
import { type Scenario, scenarioSchema } from './scenarioSchema.ts';

// Money: full-precision floats, compared to 1e-9 USD (toBeCloseTo(x, 9)) or in whole cents.
const catalog = loadDefaultCatalog();

/** The article: 100 users x 10 s a day x 30 fps x 30 days. */
const article: Scenario = scenarioSchema.parse({
  users: 100,
  secondsPerUserPerDay: 10,
  fps: 30,
  days: 30,
  peakConcurrentStreams: 2,
  frameBytes: 50_000,
});

const row = (scenario: Scenario, id: string, cat: Catalog = catalog) => {
  const p = projectMonthly({ ...scenario, providers: [id] }, cat).providers[0];
  if (!p) throw new Error(`no row for ${id}`);
  return p;
};

describe('projectMonthly', () => {
  it('article: 100 users x 10 s/day x 30 fps x 30 days = 900,000 frames, 3,000 sessions', () => {
    const p = projectMonthly(article, catalog);
    expect(p.framesPerMonth).toBe(900_000);
    expect(p.inferencesPerMonth).toBe(900_000);
    expect(p.sessionsPerMonth).toBe(3000);
  });

  it('article: $900 a month per image against $50 a month per minute', () => {
    const image = row(article, 'aws-rekognition-image-group2');
    expect(image.billedUnits).toBe(900_000);
    expect(image.monthlyUSD).toBeCloseTo(900, 9);
    expect(image.perSessionUSD).toBeCloseTo(0.3, 9);
    expect(image.perThousandFramesUSD).toBeCloseTo(1, 9);
    const video = row(article, 'aws-rekognition-video-stored');
    expect(video.billedUnits).toBeCloseTo(500, 9);
    expect(video.monthlyUSD).toBeCloseTo(50, 9);
    expect(video.fleetMonthlyUSD).toBeNull();
    expect(video.instances).toBeNull();
  });

  it('article omits: rounded up per session, the per-minute API is $300 a month, not $50 (3,000 sessions x 1 min)', () => {
    const ceilCatalog = catalog.map((e) =>
      e.id === 'aws-rekognition-video-stored' ? { ...e, rounding: 'ceil-per-session' as const } : e,
    );
    const video = row(article, 'aws-rekognition-video-stored', ceilCatalog);
    expect(video.billedUnits).toBe(3000);
    expect(video.monthlyUSD).toBeCloseTo(300, 9);
  });

  it('fal SAM 3 video: $281.25 a month; a T4 busy 16.7 h: $8.77, its always-on fleet far more', () => {
    expect(row(article, 'fal-sam3-video').monthlyUSD).toBeCloseTo(281.25, 9);
    const t4 = row(article, 'aws-ec2-g4dn-xlarge');
    expect(t4.billedUnits).toBeCloseTo(900_000 / 15 / 3600, 9);
    expect(Math.round((t4.monthlyUSD ?? 0) * 100)).toBe(877);
    // Peak 2 streams x 30 fps = 60 fps = 4 T4s x 720 h x $0.526.
    expect(t4.instances).toBe(4);
    expect(t4.fleetMonthlyUSD).toBeCloseTo(4 * 720 * 0.526, 9);
  });

  it('adaptive vs every frame: inferenceRatio scales inference-billed units, not the video minutes', () => {
    const adaptive = { ...article, inferenceRatio: 0.2 };
    const p = projectMonthly(adaptive, catalog);
    expect(p.framesPerMonth).toBe(900_000);
    expect(p.inferencesPerMonth).toBeCloseTo(180_000, 9);
    const image = row(adaptive, 'aws-rekognition-image-group2');
    expect(image.monthlyUSD).toBeCloseTo(180, 9);
    expect(image.everyFrameMonthlyUSD).toBeCloseTo(900, 9);
    expect(image.perThousandFramesUSD).toBeCloseTo(0.2, 9); // per frame shown, not per inference
    const video = row(adaptive, 'aws-rekognition-video-stored');
    expect(video.monthlyUSD).toBeCloseTo(50, 9);
    expect(video.everyFrameMonthlyUSD).toBeCloseTo(50, 9);
    // The fleet shrinks too: 2 x 30 x 0.2 = 12 fps = 1 T4.
    expect(row(adaptive, 'aws-ec2-g4dn-xlarge').instances).toBe(1);
  });

  it('monthly volume goes through the tiers (Cloud Vision: first 1,000 free, so $1,348.50 not $1,350)', () => {
    expect(row(article, 'gcp-vision-label-detection').monthlyUSD).toBeCloseTo(899_000 * 0.0015, 9);
  });

  it('an entry with no public price shows null money, never $0, when asked for by id', () => {
    const r = row(article, 'removebg-api');
    expect(r.billedUnits).toBe(900_000);
    expect(r.monthlyUSD).toBeNull();
    expect(r.everyFrameMonthlyUSD).toBeNull();
    expect(r.perSessionUSD).toBeNull();
    expect(r.perThousandFramesUSD).toBeNull();
  });

  it('default selection is every priced entry, in catalog order; unknown ids throw', () => {
    const ids = selectEntries(article, catalog).map((e) => e.id);
    expect(ids).toEqual(catalog.filter((e) => e.tiers.length > 0).map((e) => e.id));
    expect(ids).not.toContain('removebg-api');
    expect(() => selectEntries({ providers: ['nope'] }, catalog)).toThrow(/nope/);
  });

  it('emits exactly the issue JSON keys, in order', () => {
    const p = projectMonthly(article, catalog);
    expect(Object.keys(p)).toEqual(['framesPerMonth', 'inferencesPerMonth', 'sessionsPerMonth', 'providers']);
    expect(Object.keys(p.providers[0] ?? {})).toEqual([
      'id',
      'unit',
      'billedUnits',
      'monthlyUSD',
      'everyFrameMonthlyUSD',
      'perSessionUSD',
      'perThousandFramesUSD',
      'fleetMonthlyUSD',
      'instances',
    ]);
  });

  it('zero users: zero cost, no per-session or per-frame figure (no division by zero)', () => {
    const r = row({ ...article, users: 0 }, 'aws-rekognition-image-group2');
    expect(r.monthlyUSD).toBe(0);
    expect(r.perSessionUSD).toBeNull();
    expect(r.perThousandFramesUSD).toBeNull();
  });
});
