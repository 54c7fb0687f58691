import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from './catalogSchema.ts';
import { loadDefaultCatalog } from './defaultCatalog.ts';
import { liveCostFigures } from './liveCostFigures.ts';
import { parseScenario, type Scenario } from './scenarioSchema.ts';

const catalog = loadDefaultCatalog();
const pick = (...ids: string[]): CatalogEntry[] =>
  ids.map((id) => {
    const e = catalog.find((c) => c.id === id);
    if (!e) throw new Error(id);
    return e;
  });

function article(): Scenario {
  const parsed = parseScenario({
    users: 100,
    secondsPerUserPerDay: 10,
    fps: 30,
    days: 30,
    inferenceRatio: 1,
    peakConcurrentStreams: 2,
    frameBytes: 50_000,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

describe('liveCostFigures', () => {
  it('prices the session per entry and the month at the session ratio: 60 of 300 frames saves 80% of $900', () => {
    const f = liveCostFigures({
      entries: pick('aws-rekognition-image-group2', 'aws-rekognition-video-stored'),
      frames: 300,
      inferences: 60,
      fps: 30,
      frameBytes: 50_000,
      scenario: article(),
      catalog,
    });
    expect(f.ratio).toBeCloseTo(0.2, 12);
    expect(f.durationSeconds).toBe(10);
    expect(f.prices[0]?.ranUSD).toBeCloseTo(0.06, 9);
    expect(f.prices[0]?.everyFrameUSD).toBeCloseTo(0.3, 9);
    const image = f.monthly['aws-rekognition-image-group2'];
    expect(image?.everyFrameUSD).toBeCloseTo(900, 9);
    expect(image?.adaptiveUSD).toBeCloseTo(180, 9);
    expect(image?.savingUSD).toBeCloseTo(720, 9);
    expect(image?.savingPct).toBeCloseTo(80, 9);
    // A per-minute API bills the stream's minutes whatever was skipped.
    expect(f.monthly['aws-rekognition-video-stored']?.savingUSD).toBeCloseTo(0, 9);
  });

  it('the scenario ratio typed in the projection form does not leak into the month at the session ratio', () => {
    const f = liveCostFigures({
      entries: pick('aws-rekognition-image-group2'),
      frames: 100,
      inferences: 50,
      fps: 25,
      frameBytes: 0,
      scenario: { ...article(), inferenceRatio: 1 },
      catalog,
    });
    expect(f.monthly['aws-rekognition-image-group2']?.adaptiveUSD).toBeCloseTo(450, 9);
    expect(f.durationSeconds).toBe(4);
  });

  it('no monthly figures before the first frame or with an invalid projection', () => {
    const entries = pick('aws-rekognition-image-group2');
    const none = liveCostFigures({
      entries,
      frames: 0,
      inferences: 0,
      fps: 30,
      frameBytes: 0,
      scenario: article(),
      catalog,
    });
    expect(none.ratio).toBeNull();
    expect(none.monthly).toEqual({});
    expect(none.prices[0]?.ranUSD).toBe(0);
    const bad = liveCostFigures({
      entries,
      frames: 30,
      inferences: 3,
      fps: 30,
      frameBytes: 0,
      scenario: null,
      catalog,
    });
    expect(bad.monthly).toEqual({});
    expect(bad.prices[0]?.ranUSD).toBeCloseTo(0.003, 9);
  });
});
