import { describe, expect, it } from 'vitest';
import { loadDefaultCatalog } from '../pricing/defaultCatalog.ts';
import { projectMonthly } from '../pricing/projectMonthly.ts';
import { parseScenario, type Scenario } from '../pricing/scenarioSchema.ts';
import { usersCurve } from './usersCurve.ts';

const catalog = loadDefaultCatalog();
const IMAGE = 'aws-rekognition-image-group2';
const FLEET = 'aws-ec2-g4dn-xlarge';

function scenario(inferenceRatio: number): Scenario {
  const parsed = parseScenario(
    {
      users: 100,
      secondsPerUserPerDay: 10,
      fps: 30,
      days: 30,
      inferenceRatio,
      peakConcurrentStreams: 2,
      frameBytes: 50_000,
      providers: [IMAGE, FLEET],
    },
    catalog,
  );
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

describe('usersCurve', () => {
  it("at the scenario's users the lines equal the projection's every-frame, adaptive and fleet figures", () => {
    const s = scenario(0.25);
    const curve = usersCurve(s, catalog, IMAGE);
    const here = curve.points.find((p) => p.users === 100);
    const projection = projectMonthly(s, catalog).providers;
    const image = projection.find((p) => p.id === IMAGE);
    const fleet = projection.find((p) => p.id === FLEET);
    expect(curve.fleetId).toBe(FLEET);
    expect(here?.everyFrameUSD).toBeCloseTo(image?.everyFrameMonthlyUSD ?? Number.NaN, 9);
    expect(here?.adaptiveUSD).toBeCloseTo(image?.monthlyUSD ?? Number.NaN, 9);
    expect(here?.fleetUSD).toBeCloseTo(fleet?.fleetMonthlyUSD ?? Number.NaN, 9);
    expect(here?.onDeviceUSD).toBe(0);
  });

  it('marks where each cloud line meets the fleet, the adaptive one at 1/ratio the users of every-frame', () => {
    const s = scenario(0.25);
    const curve = usersCurve(s, catalog, IMAGE);
    const every = curve.breakEvens.find((b) => b.line === 'every-frame');
    const adaptive = curve.breakEvens.find((b) => b.line === 'adaptive');
    expect(every).toBeDefined();
    expect(adaptive).toBeDefined();
    // $0.001 an image in the first band: every frame of a user is 9,000 images a month.
    const fleetUSD = curve.points[0]?.fleetUSD ?? 0;
    expect(every?.users).toBeCloseTo(fleetUSD / 9, 6);
    expect(adaptive?.users).toBeCloseTo((every?.users ?? 0) * 4, 6);
    expect(every?.cheaperAbove).toBe('fleet');
    expect(every?.monthlyUSD).toBeCloseTo(fleetUSD, 6);
    // The x range covers every crossing, and the crossings are points of the curve.
    const last = curve.points[curve.points.length - 1]?.users ?? 0;
    expect(last).toBeGreaterThan(adaptive?.users ?? Number.POSITIVE_INFINITY);
    expect(curve.points.some((p) => p.users === adaptive?.users)).toBe(true);
  });

  it('no fleet line and no crossing without an hourly entry', () => {
    const s = { ...scenario(0.5), providers: [IMAGE] };
    const curve = usersCurve(s, catalog, IMAGE);
    expect(curve.fleetId).toBeNull();
    expect(curve.breakEvens).toEqual([]);
    expect(curve.points.every((p) => p.fleetUSD === null)).toBe(true);
  });
});
