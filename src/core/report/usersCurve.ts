import {
  type BreakEven,
  breakEvenPoints,
  type CostLine,
  costLineAt,
  costLines,
} from '../pricing/breakEven.ts';
import type { Catalog } from '../pricing/catalogSchema.ts';
import type { Scenario } from '../pricing/scenarioSchema.ts';

/** Monthly cost at one user count. On-device is $0 to the operator: the users' devices do the work. */
export interface UsersPoint {
  users: number;
  everyFrameUSD: number | null;
  adaptiveUSD: number | null;
  fleetUSD: number | null;
  onDeviceUSD: number;
}

export interface UsersBreakEven {
  users: number;
  monthlyUSD: number;
  /** "every-frame" or "adaptive": the cloud line that meets the fleet here. */
  line: 'every-frame' | 'adaptive';
  /** Which is cheaper above this user count: the cloud line or the fleet. */
  cheaperAbove: 'cloud' | 'fleet';
}

export interface UsersCurve {
  entryId: string;
  /** The "hour" entry whose always-on fleet (sized for the scenario's peak) is cheapest; null without one. */
  fleetId: string | null;
  points: UsersPoint[];
  breakEvens: UsersBreakEven[];
}

const STEPS = 40;

function usageLine(scenario: Scenario, catalog: Catalog, id: string): CostLine | null {
  if (!(scenario.inferenceRatio > 0)) return null;
  return costLines(scenario, catalog).find((l) => l.kind === 'usage' && l.id === id) ?? null;
}

function cheapestFleet(scenario: Scenario, catalog: Catalog): CostLine | null {
  let best: { line: CostLine; usd: number } | null = null;
  for (const line of costLines(scenario, catalog)) {
    if (line.kind !== 'fleet') continue;
    const usd = costLineAt(line, 0);
    if (usd !== null && (best === null || usd < best.usd)) best = { line, usd };
  }
  return best?.line ?? null;
}

/**
 * Monthly cost against the number of users for one per-use entry: every frame sent, only the gate's frames sent
 * (the scenario's inference ratio), the cheapest always-on fleet, and on-device. Users scale the volume with the
 * scenario's per-user habits (seconds a day x fps x days), as costLines assumes; the break-even points are
 * breakEvenPoints' exact crossings, converted from frames to users. The x range covers twice the scenario's users
 * and every crossing.
 */
export function usersCurve(scenario: Scenario, catalog: Catalog, entryId: string): UsersCurve {
  const framesPerUser = scenario.secondsPerUserPerDay * scenario.fps * scenario.days;
  const every = usageLine({ ...scenario, inferenceRatio: 1 }, catalog, entryId);
  const adaptive = usageLine(scenario, catalog, entryId);
  const fleet = cheapestFleet(scenario, catalog);
  const breakEvens: UsersBreakEven[] = [];
  const add = (line: CostLine | null, name: UsersBreakEven['line']) => {
    if (!line || !fleet || !(framesPerUser > 0)) return;
    for (const p of breakEvenPoints(line, fleet) as BreakEven[]) {
      breakEvens.push({
        users: p.framesPerMonth / framesPerUser,
        monthlyUSD: p.monthlyUSD,
        line: name,
        cheaperAbove: p.cheaperAbove === line.id ? 'cloud' : 'fleet',
      });
    }
  };
  add(every, 'every-frame');
  add(adaptive, 'adaptive');
  const maxUsers = Math.max(10, scenario.users * 2, ...breakEvens.map((b) => b.users * 1.25));
  const xs = new Set<number>();
  for (let i = 0; i <= STEPS; i++) xs.add((maxUsers * i) / STEPS);
  for (const b of breakEvens) xs.add(b.users);
  xs.add(scenario.users);
  const at = (line: CostLine | null, users: number) =>
    line && framesPerUser > 0 ? costLineAt(line, users * framesPerUser) : null;
  const points = [...xs]
    .sort((a, b) => a - b)
    .map((users) => ({
      users,
      everyFrameUSD: at(every, users),
      // With nothing inferred there is nothing to bill.
      adaptiveUSD: scenario.inferenceRatio > 0 ? at(adaptive, users) : every ? 0 : null,
      fleetUSD: fleet ? costLineAt(fleet, 0) : null,
      onDeviceUSD: 0,
    }));
  return {
    entryId,
    fleetId: fleet?.id ?? null,
    points,
    breakEvens: breakEvens.sort((a, b) => a.users - b.users),
  };
}
