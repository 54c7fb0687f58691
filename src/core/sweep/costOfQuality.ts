import { type Catalog, isPriced } from '../pricing/catalogSchema.ts';
import { formatUSD } from '../pricing/formatUSD.ts';
import { projectMonthly } from '../pricing/projectMonthly.ts';
import { parseScenario, type ScenarioInput } from '../pricing/scenarioSchema.ts';
import { REPORT_DEFAULT_SCENARIO } from '../report/reportDefaults.ts';
import { SWEEP_PRICE_ENTRY } from './asIfUSDPer1000Frames.ts';
import type { SweepPoint } from './sweepTypes.ts';

/** One swept quality target: what holding it cost in inferences, what it delivered, and its as-if month. */
export interface CostOfQualityRow {
  /** The mean-IoU target the gate held (p05 target 0.10 below). */
  target: number;
  warp: boolean;
  inferencesPerFrame: number;
  iouMean: number;
  iouP05: number;
  /** The scenario's month at this inference ratio, at the entry's tiered price; null when it has no public price. */
  monthlyUSD: number | null;
}

export interface CostOfQuality {
  /** Catalog id the months are priced with (the sweep's per-image entry). */
  entry: string;
  /** The scenario in words, e.g. "100 users x 10 s a day at 30 fps, 30 days". */
  scenario: string;
  /** By warp, then target ascending. */
  rows: CostOfQualityRow[];
  /** Per warp setting: "Mean IoU 0.97 costs $X more a month than 0.95 (...)". */
  sentences: string[];
}

/** The target the others are compared with: the default quality target's mean. */
const BASE_TARGET = 0.95;

/**
 * The cost of quality from a target sweep: each point (policy target) priced as the project's default scenario
 * (the Report's) with the point's inference ratio, at `entryId` through its monthly tiers, and one sentence per
 * warp setting saying what the highest target costs over the base one (0.95, else the lowest swept).
 */
export function costOfQuality(
  points: readonly SweepPoint[],
  catalog: Catalog,
  scenarioInput: ScenarioInput = REPORT_DEFAULT_SCENARIO,
  entryId: string = SWEEP_PRICE_ENTRY,
): CostOfQuality {
  const parsed = parseScenario({ ...scenarioInput, providers: [entryId] }, catalog);
  if (!parsed.ok) throw new Error(`cost of quality: ${parsed.errors.join('; ')}`);
  const scenario = parsed.value;
  const entry = catalog.find((e) => e.id === entryId);
  const rows = points
    .filter((p) => p.target !== undefined)
    .map((p): CostOfQualityRow => {
      const inferencesPerFrame = 1 - p.skipRatio;
      const month =
        entry && isPriced(entry)
          ? projectMonthly({ ...scenario, inferenceRatio: inferencesPerFrame }, catalog).providers[0]
          : null;
      return {
        target: p.target?.iouMean ?? 0,
        warp: p.gate.warp,
        inferencesPerFrame,
        iouMean: p.iouMean,
        iouP05: p.iouP05,
        monthlyUSD: month?.monthlyUSD ?? null,
      };
    })
    .sort((a, b) => Number(b.warp) - Number(a.warp) || a.target - b.target);
  const sentences: string[] = [];
  for (const warp of [true, false]) {
    const group = rows.filter((r) => r.warp === warp);
    if (group.length < 2) continue;
    const base = group.find((r) => r.target === BASE_TARGET) ?? group[0];
    const top = group[group.length - 1];
    if (top === base) continue;
    const more =
      top.monthlyUSD === null || base.monthlyUSD === null ? null : top.monthlyUSD - base.monthlyUSD;
    const warpWords = warp ? 'warp on' : 'warp off';
    sentences.push(
      more === null
        ? `${entryId} has no public price: no month to compare (${warpWords}).`
        : `Mean IoU ${top.target} costs ${formatUSD(Math.abs(more))} ${more >= 0 ? 'more' : 'less'} a month than ${base.target} (per-image entry ${entryId}, ${scenarioWords(scenarioInput)}, ${warpWords}; ${top.inferencesPerFrame.toFixed(3)} against ${base.inferencesPerFrame.toFixed(3)} inferences per frame).`,
    );
  }
  return { entry: entryId, scenario: scenarioWords(scenarioInput), rows, sentences };
}

function scenarioWords(s: ScenarioInput): string {
  return `${s.users} users x ${s.secondsPerUserPerDay} s a day at ${s.fps} fps, ${s.days} days`;
}
