import { type BillingRule, billedUnits, type Usage } from './billedUnits.ts';
import { type Catalog, type CatalogEntry, isPriced, type PriceUnit } from './catalogSchema.ts';
import { fleetHours, fleetInstances } from './fleetInstances.ts';
import type { Scenario } from './scenarioSchema.ts';
import { tieredPrice } from './tieredPrice.ts';

/** One catalog entry's month. Key order is the order of `npm run estimate -- --json`. */
export interface ProviderProjection {
  id: string;
  unit: PriceUnit;
  /** Billed units with the scenario's inference ratio (busy hours for "hour" entries). */
  billedUnits: number;
  /** billedUnits through the monthly tiers; null when the entry has no public price. */
  monthlyUSD: number | null;
  /** monthlyUSD with inferenceRatio 1 (every frame inferred). */
  everyFrameMonthlyUSD: number | null;
  perSessionUSD: number | null;
  perThousandFramesUSD: number | null;
  /** "hour" entries only: always-on fleet for the peak, 24 h x days, through the tiers. */
  fleetMonthlyUSD: number | null;
  /** "hour" entries only: fleet size including redundancy. */
  instances: number | null;
}

export interface Projection {
  framesPerMonth: number;
  inferencesPerMonth: number;
  sessionsPerMonth: number;
  providers: ProviderProjection[];
}

/**
 * The month's usage as one Usage: sessions are users x sessionsPerUserPerDay x days, all the same length, so
 * ceil-per-session rounding rounds each of them (billedUnits) before the monthly total goes through the tiers.
 */
export function scenarioUsage(scenario: Scenario, inferenceRatio: number = scenario.inferenceRatio): Usage {
  // Same factor order as the formula, so framesPerMonth is bit-for-bit users x seconds x fps x days.
  const frames = scenario.users * scenario.secondsPerUserPerDay * scenario.fps * scenario.days;
  return {
    inferences: frames * inferenceRatio,
    durationSeconds: scenario.users * scenario.secondsPerUserPerDay * scenario.days,
    sessions: scenario.users * scenario.sessionsPerUserPerDay * scenario.days,
    frameBytes: scenario.frameBytes,
  };
}

/** The entries a scenario prices: its `providers` in order, or every priced entry. Throws on an unknown id. */
export function selectEntries(scenario: Pick<Scenario, 'providers'>, catalog: Catalog): CatalogEntry[] {
  if (!scenario.providers) return catalog.filter(isPriced);
  const byId = new Map(catalog.map((e) => [e.id, e]));
  return scenario.providers.map((id) => {
    const entry = byId.get(id);
    if (!entry) throw new Error(`unknown catalog id "${id}"`);
    return entry;
  });
}

function ratio(numerator: number | null, denominator: number, scale = 1): number | null {
  return numerator === null || !(denominator > 0) ? null : (numerator / denominator) * scale;
}

/** Fleet size for an "hour" entry under a scenario; null for other units. */
export function scenarioFleetInstances(entry: BillingRule, scenario: Scenario): number | null {
  if (entry.unit !== 'hour' || entry.throughputFps === undefined) return null;
  return fleetInstances({
    peakConcurrentStreams: scenario.peakConcurrentStreams,
    fps: scenario.fps,
    inferenceRatio: scenario.inferenceRatio,
    throughputFps: entry.throughputFps,
    redundancy: scenario.redundancy,
  });
}

/** Monthly projection of a scenario for each selected entry, at full precision (round only for display). */
export function projectMonthly(scenario: Scenario, catalog: Catalog): Projection {
  const usage = scenarioUsage(scenario);
  const everyFrame = scenarioUsage(scenario, 1);
  const framesPerMonth = everyFrame.inferences;
  const sessionsPerMonth = usage.sessions;
  const providers = selectEntries(scenario, catalog).map((entry): ProviderProjection => {
    const units = billedUnits(entry, usage);
    const monthlyUSD = tieredPrice(entry.tiers, units);
    const instances = scenarioFleetInstances(entry, scenario);
    return {
      id: entry.id,
      unit: entry.unit,
      billedUnits: units,
      monthlyUSD,
      everyFrameMonthlyUSD: tieredPrice(entry.tiers, billedUnits(entry, everyFrame)),
      perSessionUSD: ratio(monthlyUSD, sessionsPerMonth),
      perThousandFramesUSD: ratio(monthlyUSD, framesPerMonth, 1000),
      fleetMonthlyUSD:
        instances === null ? null : tieredPrice(entry.tiers, fleetHours(instances, scenario.days)),
      instances,
    };
  });
  return { framesPerMonth, inferencesPerMonth: usage.inferences, sessionsPerMonth, providers };
}
