import type { GateSettings } from '../gate/gateSettings.ts';
import type { QualityTarget } from '../gate/QualityController.ts';

/** The gate policy a sweep runs every point with: the quality-target mode or manual thresholds. */
export type SweepPolicy = 'adaptive' | 'target';
export const DEFAULT_SWEEP_POLICY: SweepPolicy = 'target';

/** One grid point's measured outcome over a clip. */
export interface SweepPoint {
  gate: GateSettings;
  /** The gate policy it ran ('adaptive' when absent: sweeps saved before the target mode). */
  policy?: string;
  /** Target policy: the quality target it held. */
  target?: QualityTarget;
  /** 1 - inferences / frames. */
  skipRatio: number;
  /** Mean over frames of the IoU of the shown mask against the model's every-frame mask. */
  iouMean: number;
  /** 5th percentile of that IoU over frames. */
  iouP05: number;
  /** As-if cost of what this point ran, per 1,000 source frames, at the default catalog's per-image price. */
  asIfUSDPer1000Frames?: number | null;
}

/** What `npm run sweep` prints as its last line and the Sweep view exports. */
export interface SweepResult {
  video: string;
  frames: number;
  points: SweepPoint[];
  /** Indexes into points of the Pareto front, by skipRatio ascending. */
  pareto: number[];
  recommended: SweepPoint | null;
  /** The rule the recommendation used. */
  targetIou: number;
  minIouP05: number;
  /** Catalog id the as-if costs are priced with. */
  asIfEntry?: string;
}
