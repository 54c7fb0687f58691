import type { FrameEventStore } from '../../core/fold/FrameEventStore';
import type { FrameTotals } from '../../core/fold/frameTotals';
import type { LiveStats } from '../../core/fold/liveStats';
import type { FrameEvent } from '../../core/frameEvent';
import type { GateSettings } from '../../core/gate/gateSettings';
import type { TargetGateState } from '../../core/gate/TargetGate';
import type { AnomalyAlert } from '../../core/guard/AnomalyDetector';
import type { BudgetView } from '../../core/guard/BudgetGuard';
import type { CloudProfile } from '../../core/guard/cloudOutcome';
import type { RunawayTrip } from '../../core/guard/RunawayGuard';
import type { ModelEntry } from '../../core/modelManifest';
import type { Notice } from '../../core/notice';
import type { CompositorSettings } from '../compositor/Compositor';
import type { CompositorKind } from '../compositor/StageCompositor';
import type { FramePipeline } from '../pipeline/FramePipeline';
import type { LiveDriver } from '../pipeline/LiveDriver';
import type { RunnerState } from '../segmenter/InferenceRunner';
import type { BackendChoice, BackendTimings, SegmenterInfo } from '../segmenter/segmenterTypes';
import type { FrameSource } from '../source/frameSources';
import type { ModelLoader } from './ModelLoader';
import type { SessionMeter } from './SessionMeter';

export type { Notice } from '../../core/notice';

export interface ReplayProgress {
  done: number;
  total: number;
  fps: number;
  running: boolean;
  inferences: number;
}

/** A state snapshot for React, taken a few times a second (never per frame). */
export interface SessionSnapshot {
  sessionId: string;
  source: { kind: FrameSource['kind']; label: string } | null;
  segmenter: SegmenterInfo | null;
  loadingModel: boolean;
  modelId: string;
  backendChoice: BackendChoice;
  models: ModelEntry[];
  stats: LiveStats;
  totals: FrameTotals;
  /** Each stage's median time per frame, ms. */
  acquireMsP50: number | null;
  composeMsP50: number | null;
  /** Main-thread ms per displayed frame spent compositing (posting the frame, with the worker compositor). */
  composeMainMsP50: number | null;
  /** Live frames dropped, not queued, while the previous frame was still being composited. */
  droppedFrames: number;
  /** Where the stage is composited. */
  compositor: CompositorKind;
  /** Auto's background timing of every backend (model ms, or why it could not run); null until it has run. */
  backendTimings: BackendTimings | null;
  /** performance.now() (ms since navigation) when the first inferred mask arrived; null before. */
  firstMaskAt: number | null;
  notices: Notice[];
  settings: CompositorSettings;
  gate: {
    policy: string;
    settings: GateSettings;
    smoothing: number;
    shadowShare: number;
    gateMsP50: number | null;
    /** The quality-target controller ('target' policy): target, current scale and observed staleness. */
    target: TargetGateState | null;
  };
  /**
   * How stale the cached mask was when a fresh one arrived: IoU of the mask on screen against the new one, measured
   * at every inference (free) and on unbilled staleness checks.
   */
  staleness: { checks: number; last: number | null; mean: number | null; min: number | null };
  /** The segmenter stage: stepping aside after repeated failures, and why. */
  runner: RunnerState;
  replay: ReplayProgress | null;
  /** The budget guard's state; null while no budget is set. */
  budget: BudgetView | null;
  runaway: RunawayTrip | null;
  mode: FrameEvent['mode'];
  pausedFallback: 'last-mask' | 'full-blur';
  /** Anomaly alerts raised so far (newest last, at most 20). */
  alerts: AnomalyAlert[];
  cloud: {
    profile: CloudProfile;
    degraded: boolean;
    reason: string | null;
    sent: number;
    failed: number;
    timedOut: number;
  } | null;
}

export function summarizeStaleness(values: readonly number[]): SessionSnapshot['staleness'] {
  if (values.length === 0) return { checks: 0, last: null, mean: null, min: null };
  let sum = 0;
  let min = 1;
  for (const v of values) {
    sum += v;
    min = Math.min(min, v);
  }
  return { checks: values.length, last: values[values.length - 1], mean: sum / values.length, min };
}

/** The parts of a session a snapshot reads (structural, so this module needs no import of the session itself). */
export interface SnapshotParts {
  sessionId: string;
  store: FrameEventStore;
  pipeline: FramePipeline;
  driver: LiveDriver;
  loader: ModelLoader;
  meter: SessionMeter;
  models: ModelEntry[];
  notices: Notice[];
  replayProgress: ReplayProgress | null;
}

/** Reads one snapshot; `live` carries what the session computes itself (window stats, first mask, the cloud). */
export function takeSnapshot(
  parts: SnapshotParts,
  live: Pick<SessionSnapshot, 'stats' | 'firstMaskAt' | 'cloud'>,
): SessionSnapshot {
  const { pipeline, loader } = parts;
  const source = parts.driver.source;
  const timings = pipeline.timings.summary();
  return {
    ...live,
    sessionId: parts.sessionId,
    source: source ? { kind: source.kind, label: source.label } : null,
    segmenter: pipeline.runner.segmenter?.info ?? null,
    loadingModel: loader.loading,
    modelId: loader.modelId,
    backendChoice: loader.backendChoice,
    backendTimings: loader.timings,
    models: parts.models,
    totals: parts.store.snapshotTotals(),
    acquireMsP50: timings.acquireMsP50,
    composeMsP50: timings.composeMsP50,
    composeMainMsP50: timings.composeMainMsP50,
    droppedFrames: timings.droppedFrames,
    compositor: pipeline.compositor.kind,
    notices: parts.notices,
    settings: pipeline.settings,
    gate: {
      policy: pipeline.gate.spec,
      settings: pipeline.gate.settings,
      smoothing: pipeline.smoothing,
      shadowShare: pipeline.shadowShare,
      gateMsP50: timings.gateMsP50,
      target: pipeline.gate.target,
    },
    staleness: summarizeStaleness(pipeline.staleness.all),
    runner: pipeline.runner.state,
    replay: parts.replayProgress,
    budget: parts.meter.watch?.guard?.view() ?? null,
    runaway: pipeline.runaway.trip,
    mode: pipeline.mode,
    pausedFallback: pipeline.pausedFallback,
    alerts: parts.meter.alerts,
  };
}
