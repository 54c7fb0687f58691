import { describe, expect, it } from 'vitest';
import { breakEvenPoints, breakEvenVsFleet, type CostLine, costLineAt, costLines } from './breakEven.ts';
import { loadDefaultCatalog } from './defaultCatalog.ts';
import { type Scenario, scenarioSchema } from './scenarioSchema.ts';

const catalog = loadDefaultCatalog();
const article: Scenario = scenarioSchema.parse({
  users: 100,
  secondsPerUserPerDay: 10,
  fps: 30,
  days: 30,
  peakConcurrentStreams: 0.5, // 15 fps at peak = exactly one T4
  frameBytes: 50_000,
});
const line = (scenario: Scenario, id: string, kind: CostLine['kind']) => {
  const l = costLines(scenario, catalog).find((x) => x.id === id && x.kind === kind);
  if (!l) throw new Error(`no ${kind} line for ${id}`);
  return l;
};

describe('break-even volumes', () => {
  it('one always-on T4 ($378.72/month) beats $0.001/image above 378,720 frames a month', () => {
    const api = line(article, 'aws-rekognition-image-group2', 'usage');
    const fleet = line(article, 'aws-ec2-g4dn-xlarge', 'fleet');
    expect(costLineAt(fleet, 0)).toBeCloseTo(378.72, 9);
    const points = breakEvenPoints(api, fleet);
    expect(points).toHaveLength(1);
    expect(points[0]?.framesPerMonth).toBeCloseTo(378_720, 6);
    expect(points[0]?.monthlyUSD).toBeCloseTo(378.72, 9);
    expect(points[0]?.cheaperBelow).toBe('aws-rekognition-image-group2');
    expect(points[0]?.cheaperAbove).toBe('aws-ec2-g4dn-xlarge#fleet');
  });

  it('crossings inside a higher tier are exact: 4 T4s ($1,514.88) vs Rekognition = 1M + 643,600 frames', () => {
    const four = { ...article, peakConcurrentStreams: 2 };
    const [p] = breakEvenPoints(
      line(four, 'aws-rekognition-image-group2', 'usage'),
      line(four, 'aws-ec2-g4dn-xlarge', 'fleet'),
    );
    expect(p?.framesPerMonth).toBeCloseTo(1_000_000 + (1514.88 - 1000) / 0.0008, 6);
  });

  it('a per-minute API scales with frames through the scenario fps (1 minute = 1,800 frames at 30 fps)', () => {
    const video = line(article, 'aws-rekognition-video-stored', 'usage');
    expect(costLineAt(video, 900_000)).toBeCloseTo(50, 9);
    const [p] = breakEvenPoints(video, line(article, 'aws-ec2-g4dn-xlarge', 'fleet'));
    expect(p?.framesPerMonth).toBeCloseTo((378.72 / 0.1) * 60 * 30, 6);
  });

  it('a free first band: Cloud Vision is cheaper up to 3,000 frames, then Rekognition; the shared $0 at 0 is no break-even', () => {
    const vision = line(article, 'gcp-vision-label-detection', 'usage');
    const rek = line(article, 'aws-rekognition-image-group2', 'usage');
    const points = breakEvenPoints(vision, rek);
    expect(points).toHaveLength(1);
    expect(points[0]?.framesPerMonth).toBeCloseTo(3000, 6);
    expect(points[0]?.cheaperBelow).toBe('gcp-vision-label-detection');
    expect(points[0]?.cheaperAbove).toBe('aws-rekognition-image-group2');
  });

  it('busy hours vs a per-image API never cross (both start at $0, busy hours always cheaper)', () => {
    const busy = line(article, 'aws-ec2-g4dn-xlarge', 'usage');
    expect(breakEvenPoints(busy, line(article, 'aws-rekognition-image-group2', 'usage'))).toEqual([]);
  });

  it('identical and parallel lines never cross; unpriced lines have no break-even', () => {
    const g2 = line(article, 'aws-rekognition-image-group2', 'usage');
    expect(breakEvenPoints(g2, g2)).toEqual([]);
    expect(breakEvenPoints(g2, { ...g2, id: 'plus', fixedUnits: 10 })).toEqual([]);
    expect(breakEvenPoints(g2, { ...g2, tiers: [] })).toEqual([]);
  });

  it('lines that tie up to a tier and then part (Rekognition groups 1 and 2 above 35M) have no break-even', () => {
    const g1 = line(article, 'aws-rekognition-image-group1', 'usage');
    const g2 = line(article, 'aws-rekognition-image-group2', 'usage');
    expect(breakEvenPoints(g1, g2)).toEqual([]);
    expect((costLineAt(g1, 40_000_000) ?? 0) - (costLineAt(g2, 40_000_000) ?? 0)).toBeCloseTo(
      5e6 * 0.00015,
      6,
    );
  });

  it('breakEvenVsFleet picks the cheapest fleet and lists every per-use option against it', () => {
    const rows = breakEvenVsFleet(article, catalog);
    expect(rows.every((r) => r.fleetId === 'aws-ec2-inf1-xlarge')).toBe(true); // $0.228/h, 1 instance
    const rek = rows.find((r) => r.id === 'aws-rekognition-image-group2');
    expect(rek?.framesPerMonth).toBeCloseTo((0.228 * 720) / 0.001, 6);
    expect(rows.some((r) => r.id === 'aws-data-transfer-out-internet')).toBe(false); // egress is an add-on
    expect(rows.some((r) => r.id === 'aws-ec2-g4dn-xlarge')).toBe(false);
  });
});
