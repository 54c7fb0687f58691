import { billedUnits } from './billedUnits.ts';
import type { Catalog, Tier } from './catalogSchema.ts';
import { fleetHours } from './fleetInstances.ts';
import { scenarioFleetInstances, scenarioUsage, selectEntries } from './projectMonthly.ts';
import type { Scenario } from './scenarioSchema.ts';
import { marginalPrice, tieredPrice } from './tieredPrice.ts';

/**
 * An option's monthly cost as a function of monthly frame volume: tieredPrice(tiers, fixedUnits + unitsPerFrame x F).
 * Volume grows the way a product grows, by more users with the scenario's per-user habits, so every usage-billed
 * unit (per-session rounding included) is proportional to F. A fleet is the opposite: instance-hours fixed by the
 * scenario's peak, whatever the volume. Both kinds are piecewise linear in F, so crossings are found exactly.
 */
export interface CostLine {
  /** Catalog id. */
  id: string;
  /** "usage": billed per frame/minute/second/busy hour/GB; "fleet": always-on instances of an "hour" entry. */
  kind: 'usage' | 'fleet';
  tiers: readonly Tier[];
  unitsPerFrame: number;
  fixedUnits: number;
}

export interface BreakEven {
  /** Monthly frame volume at which the two options cost the same. */
  framesPerMonth: number;
  monthlyUSD: number;
  /** Which line is cheaper just below and just above that volume (ids, suffixed "#fleet" for fleet lines). */
  cheaperBelow: string;
  cheaperAbove: string;
}

export function lineName(line: CostLine): string {
  return line.kind === 'fleet' ? `${line.id}#fleet` : line.id;
}

/** Monthly cost of a line at a frame volume; null when the entry has no public price. */
export function costLineAt(line: CostLine, framesPerMonth: number): number | null {
  return tieredPrice(line.tiers, line.fixedUnits + line.unitsPerFrame * framesPerMonth);
}

/**
 * Cost lines for a scenario: one "usage" line per selected priced entry, plus a "fleet" line for each "hour" entry.
 * Empty when the scenario has no frames to scale from.
 */
export function costLines(scenario: Scenario, catalog: Catalog): CostLine[] {
  // Per frame of one user's month, so the slope does not depend on the user count (which may be 0).
  const perUser = scenarioUsage({ ...scenario, users: 1 });
  const framesPerUser = perUser.inferences / scenario.inferenceRatio;
  if (!(framesPerUser > 0)) return [];
  const lines: CostLine[] = [];
  for (const entry of selectEntries(scenario, catalog)) {
    if (entry.tiers.length === 0) continue;
    lines.push({
      id: entry.id,
      kind: 'usage',
      tiers: entry.tiers,
      unitsPerFrame: billedUnits(entry, perUser) / framesPerUser,
      fixedUnits: 0,
    });
    const instances = scenarioFleetInstances(entry, scenario);
    if (instances !== null) {
      lines.push({
        id: entry.id,
        kind: 'fleet',
        tiers: entry.tiers,
        unitsPerFrame: 0,
        fixedUnits: fleetHours(instances, scenario.days),
      });
    }
  }
  return lines;
}

/** d cost / d frame of a line just above `framesPerMonth`. */
function tailSlope(line: CostLine, framesPerMonth: number): number {
  if (!(line.unitsPerFrame > 0)) return 0;
  const price = marginalPrice(line.tiers, line.fixedUnits + line.unitsPerFrame * framesPerMonth) ?? 0;
  return price * line.unitsPerFrame;
}

/** Frame volumes where a line crosses a tier bound: between two of them both lines are linear. */
function kinks(line: CostLine): number[] {
  if (!(line.unitsPerFrame > 0)) return [];
  return line.tiers
    .map((t) => t.upToUnitsPerMonth)
    .filter((b): b is number => b !== null)
    .map((b) => (b - line.fixedUnits) / line.unitsPerFrame)
    .filter((f) => f > 0);
}

/**
 * Every monthly frame volume at which `a` and `b` swap places (strict sign change of cost(a) - cost(b)); a tie
 * that does not swap them, such as both costing 0 at volume 0, is not a break-even. [] when either has no price.
 */
export function breakEvenPoints(a: CostLine, b: CostLine): BreakEven[] {
  if (a.tiers.length === 0 || b.tiers.length === 0) return [];
  // Float noise (a few 1e-13 USD from summing bands along different paths) counts as a tie, not a swap.
  const diff = (f: number) => {
    const ca = costLineAt(a, f) ?? 0;
    const cb = costLineAt(b, f) ?? 0;
    return Math.abs(ca - cb) <= 1e-9 * Math.max(1, Math.abs(ca), Math.abs(cb)) ? 0 : ca - cb;
  };
  const xs = [...new Set([0, ...kinks(a), ...kinks(b)])].sort((p, q) => p - q);
  const points: BreakEven[] = [];
  const push = (f: number, aCheaperAbove: boolean) => {
    points.push({
      framesPerMonth: f,
      monthlyUSD: costLineAt(a, f) ?? 0,
      cheaperBelow: lineName(aCheaperAbove ? b : a),
      cheaperAbove: lineName(aCheaperAbove ? a : b),
    });
  };
  let lastSign = 0; // sign of diff at the last point where it was nonzero
  let lastX = 0;
  let lastD = 0;
  let zeroSince: number | null = null; // first volume of a run of exact ties since the last nonzero point
  const visit = (x: number, d: number) => {
    const s = Math.sign(d);
    if (s === 0) {
      zeroSince ??= x;
      return;
    }
    if (lastSign !== 0 && s !== lastSign) {
      // Between the last nonzero point and this one diff is linear unless exact ties came between.
      const root = zeroSince ?? lastX + ((x - lastX) * lastD) / (lastD - d);
      push(root, s < 0);
    }
    lastSign = s;
    lastX = x;
    lastD = d;
    zeroSince = null;
  };
  for (const x of xs) visit(x, diff(x));
  // Beyond the last kink both lines are linear. The slope comes from the marginal prices there, not from a finite
  // difference, so parallel lines cannot fake a crossing out of float noise.
  const xEnd = xs[xs.length - 1] ?? 0;
  const dEnd = diff(xEnd);
  const slope = tailSlope(a, xEnd) - tailSlope(b, xEnd);
  if (slope !== 0) {
    const root = xEnd - dEnd / slope;
    // A point past the root (mirror image of xEnd), or just past xEnd when the tie is at xEnd itself.
    const xFar = dEnd !== 0 ? (root > xEnd ? 2 * root - xEnd : null) : xEnd + 1;
    if (xFar !== null) visit(xFar, dEnd + slope * (xFar - xEnd));
  }
  return points;
}

export interface FleetBreakEven {
  /** The per-use option. */
  id: string;
  /** The "hour" entry whose always-on fleet is cheapest for this scenario. */
  fleetId: string;
  fleetMonthlyUSD: number;
  /** Monthly frame volume above which that fleet beats the per-use option; null if it never does. */
  framesPerMonth: number | null;
}

/**
 * For each selected per-use option (image, frames16, minute, second; GB egress is an add-on, not an alternative),
 * the monthly frame volume above which the cheapest always-on fleet beats it. The cheapest fleet is the right
 * rival: a fleet costs the same at every volume, so the lowest one is overtaken first.
 */
export function breakEvenVsFleet(scenario: Scenario, catalog: Catalog): FleetBreakEven[] {
  const lines = costLines(scenario, catalog);
  let fleet: { line: CostLine; usd: number } | null = null;
  for (const line of lines) {
    if (line.kind !== 'fleet') continue;
    const usd = costLineAt(line, 0);
    if (usd !== null && (fleet === null || usd < fleet.usd)) fleet = { line, usd };
  }
  if (fleet === null) return [];
  const rival = fleet;
  const units = new Map(catalog.map((e) => [e.id, e.unit]));
  return lines
    .filter((l) => l.kind === 'usage' && units.get(l.id) !== 'hour' && units.get(l.id) !== 'GB')
    .map((line) => {
      const cross = breakEvenPoints(line, rival.line).find((p) => p.cheaperAbove === lineName(rival.line));
      return {
        id: line.id,
        fleetId: rival.line.id,
        fleetMonthlyUSD: rival.usd,
        framesPerMonth: cross?.framesPerMonth ?? null,
      };
    });
}
