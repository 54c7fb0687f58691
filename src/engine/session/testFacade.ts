import type { FrameEventStore } from '../../core/fold/FrameEventStore';
import type { GateSettings } from '../../core/gate/gateSettings';
import type { BudgetConfigInput } from '../../core/guard/parseBudget';
import type { AggregateView } from '../../core/guard/sessionAggregate';
import { probeTelemetry, type TelemetryProbe } from '../../telemetry/telemetryProbe';
import type { StagePixels } from '../compositor/StageCompositor';
import type { BenchFrames, BenchOptions } from '../replay/benchReplay';
import type { SweepOptions, SweepRun } from '../replay/sweepReplay';
import { FaultySegmenter, type ModelFault } from '../segmenter/FaultySegmenter';
import type { LiveSession } from './LiveSession';
import type { SessionBroadcast } from './SessionBroadcast';
import type { SessionSnapshot } from './sessionSnapshot';

/**
 * `window.segmeter`: the one documented way for the browser tests, the Node tools (bench, sweep, measure) and the
 * console to drive and read a live session. Everything else goes through the UI. It exposes what a test needs to
 * see (the snapshot, the event store, the model's own counters) and the few actions the UI cannot time precisely
 * (frame-stepped replay, pausing the source); it never hands out the pipeline's internals.
 */
export interface SegmeterFacade {
  readonly sessionId: string;
  /** Settles when the first model load has finished. */
  readonly modelReady: Promise<void>;
  /** The event stream: read `events`, `inferences` and `totals`; `clear()` starts the counts over. */
  readonly store: FrameEventStore;
  snapshot(): SessionSnapshot;
  replay(options?: { resume?: boolean }): Promise<{ ran: boolean; reason: string }[]>;
  bench(options: BenchOptions & { realtime?: boolean }): Promise<BenchFrames>;
  sweep(options: SweepOptions): Promise<SweepRun>;
  /**
   * The stage's pixels as last drawn (RGBA). The stage canvas may have been handed to the compositor worker, where
   * the page cannot read it; this asks the compositor, wherever it runs.
   */
  stagePixels(): Promise<StagePixels>;
  /** Live tensors in the model's runtime (leak checks); null where it has none. */
  numTensors(): Promise<number | null>;
  /** Times the model itself ran, warm-ups included (-1 without a model). */
  modelCalls(): Promise<number>;
  /** Makes the model's WebGL context lose itself, as a GPU reset would. */
  loseContext(): Promise<boolean>;
  pauseSource(): void;
  playSource(): Promise<void>;
  /** The source's current time and duration, seconds (null without a source). */
  sourceTime(): number | null;
  sourceDuration(): number | null;
  /** The cross-tab broadcast the All sessions panel reads (a test may replace its view to rehearse a panel failure). */
  readonly broadcast: SessionBroadcast;
  setBudget(config: BudgetConfigInput | null): void;
  raiseBudget(limitUSD: number): void;
  updateGate(patch: Partial<GateSettings>): void;
  setShadowShare(share: number): void;
  /** The catalog entries the cost panel compares (its selection). */
  selectedIds(): string[];
  /** Every open tab's totals (the All sessions table's source). */
  sessions(): AggregateView;
  /** Fleet telemetry's export status and main-thread cost while on (the panel switches it), null status while off. */
  telemetry(): TelemetryProbe;
  /** Test only: makes every model call throw or hang (null: the real model again), as a broken model would. */
  injectModelFault(fault: ModelFault | null): void;
  /**
   * Test only: makes the compositor worker throw, uncaught, as a bug in it would (or, with `hang`, loop forever: the
   * watchdog gives it up after COMPOSITOR_TIMEOUT_MS); the session then replaces the stage canvas and composites
   * on the main thread. False where no worker composites (?compositor=main).
   */
  crashCompositor(hang?: boolean): boolean;
  /** Test only: ends the camera's tracks, as a user revoking the camera would. */
  endCamera(): void;
}

export function testFacade(session: LiveSession): SegmeterFacade {
  const video = () => session.driver.source?.video ?? null;
  return {
    sessionId: session.sessionId,
    modelReady: session.modelReady,
    store: session.store,
    snapshot: () => session.snapshot(),
    replay: (options) => session.replay(options),
    bench: (options) => session.bench(options),
    sweep: (options) => session.sweep(options),
    stagePixels: () => session.pipeline.compositor.pixels(),
    numTensors: () => session.pipeline.runner.segmenter?.numTensors() ?? Promise.resolve(null),
    modelCalls: () => session.pipeline.runner.segmenter?.modelCalls() ?? Promise.resolve(-1),
    loseContext: () => session.pipeline.runner.segmenter?.loseContext() ?? Promise.resolve(false),
    pauseSource: () => video()?.pause(),
    playSource: async () => {
      await video()?.play();
    },
    sourceTime: () => video()?.currentTime ?? null,
    sourceDuration: () => video()?.duration ?? null,
    broadcast: session.broadcast,
    setBudget: (config) => session.setBudget(config),
    raiseBudget: (limit) => session.raiseBudget(limit),
    updateGate: (patch) => session.updateGate(patch),
    setShadowShare: (share) => session.setShadowShare(share),
    sessions: () => session.broadcast.view(),
    telemetry: () => probeTelemetry(session.store),
    selectedIds: () => [...session.meter.selectedIds],
    injectModelFault: (fault) => {
      const runner = session.pipeline.runner;
      const current = runner.segmenter;
      const real = current instanceof FaultySegmenter ? current.inner : current;
      if (real) runner.segmenter = fault ? new FaultySegmenter(real, fault) : real;
    },
    crashCompositor: (hang) => session.pipeline.compositor.crash(hang),
    endCamera: () => {
      const stream = video()?.srcObject as MediaStream | null;
      for (const track of stream?.getTracks() ?? []) track.dispatchEvent(new Event('ended'));
    },
  };
}
