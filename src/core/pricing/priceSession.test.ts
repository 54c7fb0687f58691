import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from './catalogSchema.ts';
import { loadDefaultCatalog } from './defaultCatalog.ts';
import { priceSession, type SessionCounts } from './priceSession.ts';

// Money: full-precision floats, compared to 1e-9 USD (toBeCloseTo(x, 9)).
const catalog = loadDefaultCatalog();
const pick = (...ids: string[]): CatalogEntry[] =>
  ids.map((id) => {
    const e = catalog.find((c) => c.id === id);
    if (!e) throw new Error(id);
    return e;
  });

/** The article's session (10 s at 30 fps) where the gate ran the model on 60 of the 300 frames. */
const counts: SessionCounts = {
  frames: 300,
  inferences: 60,
  durationSeconds: 10,
  sessions: 1,
  frameBytes: 50_000,
};

describe('priceSession (live meter)', () => {
  it('per image: $0.06 ran against $0.30 every frame, saving $0.24 = 80%', () => {
    const [p] = priceSession(pick('aws-rekognition-image-group2'), counts);
    expect(p?.ranUSD).toBeCloseTo(0.06, 9);
    expect(p?.everyFrameUSD).toBeCloseTo(0.3, 9);
    expect(p?.savingUSD).toBeCloseTo(0.24, 9);
    expect(p?.savingPct).toBeCloseTo(80, 9);
    expect(p?.perSessionUSD).toBeCloseTo(0.06, 9);
    expect(p?.perMinuteUSD).toBeCloseTo(0.36, 9);
    expect(p?.perThousandFramesUSD).toBeCloseTo(0.2, 9);
  });

  it('per minute: the video is billed whatever was skipped, so nothing is saved', () => {
    const [p] = priceSession(pick('aws-rekognition-video-stored'), counts);
    expect(p?.ranUSD).toBeCloseTo(0.1 / 6, 12);
    expect(p?.savingUSD).toBeCloseTo(0, 12);
    expect(p?.savingPct).toBeCloseTo(0, 9);
  });

  it('ceil-per-session rounds the session so far: 60 frames = 4 chunks ($0.02), 300 = 19 ($0.095)', () => {
    const ceil = pick('fal-sam3-video').map((e) => ({ ...e, rounding: 'ceil-per-session' as const }));
    const [p] = priceSession(ceil, counts);
    expect(p?.ranUnits).toBe(4);
    expect(p?.ranUSD).toBeCloseTo(0.02, 12);
    expect(p?.everyFrameUSD).toBeCloseTo(0.095, 12);
  });

  it('entries with no public price give null money, never $0', () => {
    const [p] = priceSession(pick('removebg-api'), counts);
    expect(p).toMatchObject({
      ranUSD: null,
      everyFrameUSD: null,
      savingUSD: null,
      savingPct: null,
      perMinuteUSD: null,
    });
    expect(p?.ranUnits).toBe(60);
  });

  it('free tiers apply to a month-first session; priorUnitsById prices it further up the tiers', () => {
    const vision = pick('gcp-vision-label-detection');
    expect(priceSession(vision, counts)[0]?.everyFrameUSD).toBe(0);
    expect(priceSession(vision, counts)[0]?.savingPct).toBeNull(); // nothing to save from $0
    const later = priceSession(vision, counts, {
      priorUnitsById: { 'gcp-vision-label-detection': 10_000 },
    })[0];
    expect(later?.everyFrameUSD).toBeCloseTo(300 * 0.0015, 9);
  });

  it('an empty session costs nothing and divides by nothing', () => {
    const [p] = priceSession(pick('aws-rekognition-image-group2'), {
      frames: 0,
      inferences: 0,
      durationSeconds: 0,
      sessions: 1,
      frameBytes: 0,
    });
    expect(p).toMatchObject({ ranUSD: 0, savingPct: null, perMinuteUSD: null, perThousandFramesUSD: null });
  });

  it('is cheap enough to call a few times a second for the whole catalog', () => {
    const start = performance.now();
    for (let i = 0; i < 1000; i++) priceSession(catalog, { ...counts, frames: 300 + i, inferences: 60 + i });
    expect((performance.now() - start) / 1000).toBeLessThan(1); // ms per call, generous for a shared 2-core box
  });
});
