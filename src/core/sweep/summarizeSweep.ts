import type { GateSettings } from '../gate/gateSettings.ts';
import type { Catalog } from '../pricing/catalogSchema.ts';
import { percentile } from '../quality/percentile.ts';
import { asIfUSDPer1000Frames, SWEEP_PRICE_ENTRY } from './asIfUSDPer1000Frames.ts';
import { paretoFront } from './paretoFront.ts';
import { DEFAULT_MIN_IOU_P05, DEFAULT_TARGET_IOU, recommendPoint } from './recommendPoint.ts';
import type { SweepPoint, SweepResult } from './sweepTypes.ts';

/** One point's figures from its per-frame IoU (shown mask vs the every-frame reference) and inference count. */
export function summarizePoint(gate: GateSettings, inferences: number, iou: readonly number[]): SweepPoint {
  const frames = iou.length;
  if (frames === 0) throw new Error('the sweep processed no frame');
  let sum = 0;
  for (const v of iou) sum += v;
  return { gate, skipRatio: 1 - inferences / frames, iouMean: sum / frames, iouP05: percentile(iou, 5) };
}

export interface SweepRule {
  targetIou?: number;
  minIouP05?: number;
  /** Prices each point's as-if cost; without it the points carry none. */
  catalog?: Catalog;
}

/** Adds the front, the recommendation and as-if costs to a sweep's measured points. */
export function summarizeSweep(
  video: string,
  frames: number,
  measured: readonly SweepPoint[],
  rule: SweepRule = {},
): SweepResult {
  const targetIou = rule.targetIou ?? DEFAULT_TARGET_IOU;
  const minIouP05 = rule.minIouP05 ?? DEFAULT_MIN_IOU_P05;
  const entry = rule.catalog?.find((e) => e.id === SWEEP_PRICE_ENTRY);
  const points = measured.map((p) =>
    rule.catalog ? { ...p, asIfUSDPer1000Frames: asIfUSDPer1000Frames(p.skipRatio, entry) } : { ...p },
  );
  const best = recommendPoint(points, targetIou, minIouP05);
  return {
    video,
    frames,
    points,
    pareto: paretoFront(points),
    recommended: best === null ? null : points[best],
    targetIou,
    minIouP05,
    ...(rule.catalog ? { asIfEntry: SWEEP_PRICE_ENTRY } : {}),
  };
}
