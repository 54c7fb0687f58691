import type { Catalog, Confidence, PriceUnit } from '../pricing/catalogSchema.ts';
import { projectMonthly } from '../pricing/projectMonthly.ts';
import type { Scenario } from '../pricing/scenarioSchema.ts';
import type { MeasuredFigures } from './measuredFigures.ts';

/** One provider's month: every frame sent, only the frames the gate ran, and on the device. Full precision. */
export interface ReportRow {
  id: string;
  provider: string;
  product: string;
  unit: PriceUnit;
  everyFrameMonthlyUSD: number | null;
  adaptiveMonthlyUSD: number | null;
  /** On the user's own device: no bill; its cost is device time (onDevice). */
  onDeviceMonthlyUSD: number;
  savingMonthlyUSD: number | null;
  /** Saving of adaptive against every-frame, % of every-frame. */
  savingPct: number | null;
  /** "hour" entries: always-on fleet for the peak; null otherwise. */
  fleetMonthlyUSD: number | null;
  instances: number | null;
  sourceUrl: string;
  seenDate: string;
  confidence: Confidence;
}

export interface Report {
  /** The scenario as priced: its inferenceRatio is the measured one when figures were given. */
  scenario: Scenario;
  measured: MeasuredFigures | null;
  framesPerMonth: number;
  inferencesPerMonth: number;
  sessionsPerMonth: number;
  providers: ReportRow[];
  onDevice: {
    inferencesPerMonth: number;
    modelMsP50: number | null;
    /** Device time all users' devices spend on inference a month; null without a measured model time. */
    deviceHoursPerMonth: number | null;
  };
}

/** Prices a scenario for the report; measured figures set the inference ratio (1 - skipRatio). */
export function buildReport(scenario: Scenario, measured: MeasuredFigures | null, catalog: Catalog): Report {
  const priced: Scenario = measured ? { ...scenario, inferenceRatio: 1 - measured.skipRatio } : scenario;
  const projection = projectMonthly(priced, catalog);
  const byId = new Map(catalog.map((e) => [e.id, e]));
  const providers = projection.providers.flatMap((p): ReportRow[] => {
    const entry = byId.get(p.id);
    if (!entry) return [];
    const saving =
      p.monthlyUSD === null || p.everyFrameMonthlyUSD === null ? null : p.everyFrameMonthlyUSD - p.monthlyUSD;
    return [
      {
        id: p.id,
        provider: entry.provider,
        product: entry.product,
        unit: p.unit,
        everyFrameMonthlyUSD: p.everyFrameMonthlyUSD,
        adaptiveMonthlyUSD: p.monthlyUSD,
        onDeviceMonthlyUSD: 0,
        savingMonthlyUSD: saving,
        savingPct:
          saving === null || !p.everyFrameMonthlyUSD ? null : (saving / p.everyFrameMonthlyUSD) * 100,
        fleetMonthlyUSD: p.fleetMonthlyUSD,
        instances: p.instances,
        sourceUrl: entry.sourceUrl,
        seenDate: entry.seenDate,
        confidence: entry.confidence,
      },
    ];
  });
  const modelMs = measured?.modelMsP50 ?? null;
  return {
    scenario: priced,
    measured,
    framesPerMonth: projection.framesPerMonth,
    inferencesPerMonth: projection.inferencesPerMonth,
    sessionsPerMonth: projection.sessionsPerMonth,
    providers,
    onDevice: {
      inferencesPerMonth: projection.inferencesPerMonth,
      modelMsP50: modelMs,
      deviceHoursPerMonth: modelMs === null ? null : (projection.inferencesPerMonth * modelMs) / 3_600_000,
    },
  };
}
