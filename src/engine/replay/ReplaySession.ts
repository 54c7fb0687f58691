import type { FrameEventStore } from '../../core/fold/FrameEventStore';
import type { AnomalyAlert } from '../../core/guard/AnomalyDetector';
import type { CostWatch } from '../../core/guard/CostWatch';
import type { BudgetConfigInput } from '../../core/guard/parseBudget';
import type { FramePipeline } from '../pipeline/FramePipeline';
import type { LiveDriver } from '../pipeline/LiveDriver';
import type { Segmenter } from '../segmenter/segmenterTypes';

/** What the bench and the sweep drive: the parts of a live session they need (so replay never imports the session). */
export interface ReplaySession {
  readonly modelReady: Promise<void>;
  readonly store: FrameEventStore;
  readonly pipeline: FramePipeline;
  readonly driver: LiveDriver;
  readonly meter: { alerts: AnomalyAlert[]; readonly watch: CostWatch | null };
  readonly replayProgress: { running: boolean } | null;
  setBudget(config: BudgetConfigInput | null): void;
  /** The on-device segmenter, past the simulated cloud if it is on. */
  innerSegmenter(): Segmenter | null;
}
