import { FrameEventStore } from '../../core/fold/FrameEventStore';
import { liveStats } from '../../core/fold/liveStats';
import { type GateSettings, patchGateSettings } from '../../core/gate/gateSettings';
import type { CloudProfile } from '../../core/guard/cloudOutcome';
import type { BudgetConfigInput } from '../../core/guard/parseBudget';
import { type ModelEntry, parseModelManifest } from '../../core/modelManifest';
import type { NoticeBody, NoticeLevel } from '../../core/notice';
import type { CompositorSettings } from '../compositor/Compositor';
import { FallbackStageCompositor, type StageCanvas } from '../compositor/FallbackStageCompositor';
import { FramePipeline } from '../pipeline/FramePipeline';
import { LiveDriver } from '../pipeline/LiveDriver';
import { type BenchFrames, type BenchOptions, benchReplay } from '../replay/benchReplay';
import { realtimeBench } from '../replay/realtimeBench';
import { replayClip } from '../replay/replayClip';
import { type SweepOptions, type SweepRun, sweepReplay } from '../replay/sweepReplay';
import type { BackendChoice, InferencePath, Segmenter } from '../segmenter/segmenterTypes';
import { backendFromUrl } from './backendPreference';
import { ModelLoader } from './ModelLoader';
import { SegmenterSlot } from './SegmenterSlot';
import { SessionBroadcast } from './SessionBroadcast';
import { SessionMeter } from './SessionMeter';
import { SourceRate } from './SourceRate';
import { SourceSwitch } from './SourceSwitch';
import { type Notice, type ReplayProgress, type SessionSnapshot, takeSnapshot } from './sessionSnapshot';

export { SAMPLE_CLIP, SAMPLE_LABEL } from './SourceSwitch';
export type { Notice, ReplayProgress, SessionSnapshot } from './sessionSnapshot';
/**
 * The composition root of one live session: the event store, the pipeline and its live driver, the model loader,
 * the meter (budget, alerts, cross-tab reading) and the sources. Bad input never stops it: every failure becomes a
 * notice and the previous working state stays.
 */
export class LiveSession {
  readonly store = new FrameEventStore();
  readonly sessionId = crypto.randomUUID();
  readonly pipeline: FramePipeline;
  readonly driver: LiveDriver;
  readonly loader: ModelLoader;
  readonly meter: SessionMeter;
  readonly broadcast: SessionBroadcast;
  readonly slot: SegmenterSlot;
  readonly sources: SourceSwitch;
  models: ModelEntry[] = [];
  notices: Notice[] = [];
  replayProgress: ReplayProgress | null = null;
  /** Settles when the first model load has finished (loaded, fallen back, or failed with a notice). */
  readonly modelReady: Promise<void>;
  private markModelReady: () => void = () => undefined;
  private replayToken = 0;
  /** dispose() ran (React's dev double mount disposes a session while its start() still awaits the manifest). */
  private disposed = false;
  private nextNotice = 1;
  private firstMaskAt: number | null = null;
  private readonly rate = new SourceRate();
  private readonly onVisibility = () => {
    this.pipeline.hidden = document.hidden;
  };

  constructor(stage: StageCanvas, settings: CompositorSettings) {
    const compositor = new FallbackStageCompositor(stage);
    compositor.onFallback = (why) => this.notify('warning', { code: 'compositor-fallback', params: { why } });
    this.pipeline = new FramePipeline(compositor, this.store, this.sessionId, settings);
    this.driver = new LiveDriver(this.pipeline);
    this.sources = new SourceSwitch(this.driver, (level, notice) => this.notify(level, notice));
    this.slot = new SegmenterSlot(this.pipeline.runner, (level, notice) => this.notify(level, notice));
    this.modelReady = new Promise((resolve) => {
      this.markModelReady = resolve;
    });
    this.pipeline.onRunaway = (reason) =>
      this.notify('error', { code: 'runaway-tripped', params: { reason } });
    this.pipeline.runner.onStateChange = (state) =>
      state.passThrough
        ? this.notify('error', { code: 'segmentation-stepped-aside', params: { error: state.lastError } })
        : this.notify('info', { code: 'segmentation-back', params: {} });
    // A hung model gets a fresh worker, at most once a minute; beyond that the runner's breaker steps aside.
    let restartedAt = Number.NEGATIVE_INFINITY;
    this.pipeline.runner.onHung = (why) => {
      if (performance.now() - restartedAt < 60_000) return;
      restartedAt = performance.now();
      this.notify('warning', { code: 'model-hung', params: { why } });
      void this.loader.load();
    };
    this.meter = new SessionMeter({
      store: this.store,
      sessionId: this.sessionId,
      sourceFps: () => this.sourceFps(),
      maxQuality: () => this.pipeline.gate.settings.maxQuality,
      onWatch: (watch) => {
        this.pipeline.guard = watch?.guard ?? null;
      },
      notify: (level, notice) => this.notify(level, notice),
    });
    this.loader = new ModelLoader({
      models: () => this.models,
      warmupFrame: () => this.warmupFrame(),
      install: (segmenter) => this.slot.install(segmenter),
      current: () => this.slot.inner,
      notify: (level, notice) => this.notify(level, notice),
    });
    this.store.subscribeInferences((r) => {
      if (this.firstMaskAt === null && r.kind === 'gate' && !r.error) this.firstMaskAt = performance.now();
    });
    this.broadcast = new SessionBroadcast({ sessionId: this.sessionId, read: () => this.meter.reading() });
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  /** Adds a notice (the newest six are kept); the UI puts it into words (src/ui/noticeText.ts). */
  notify(level: NoticeLevel, notice: NoticeBody): void {
    this.notices = [...this.notices.slice(-5), { ...notice, id: this.nextNotice++, level }];
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  /** Loads the manifest, then the model and the sample clip side by side (?bench=1: no sample), and starts the loop. */
  async start(): Promise<void> {
    // ?model=ID&backend=NAME&path=direct|library&policy=SPEC: shareable links, and tests that skip auto timing.
    const params = new URLSearchParams(location.search);
    this.loader.modelId = params.get('model') ?? this.loader.modelId;
    this.loader.backendChoice = backendFromUrl(location.search) ?? this.loader.backendChoice;
    const path = params.get('path');
    if (path === 'direct' || path === 'library') this.loader.path = path as InferencePath;
    const policy = params.get('policy');
    if (policy) this.setPolicy(policy);
    try {
      const response = await fetch('/models/manifest.json');
      if (!response.ok) throw new Error(`/models/manifest.json is missing (HTTP ${response.status})`);
      this.models = parseModelManifest(await response.json()).models;
    } catch (err) {
      this.notify('error', { code: 'segmentation-unavailable', params: { error: (err as Error).message } });
    }
    if (this.disposed) return;
    const model = this.models.length > 0 ? this.loader.load() : Promise.resolve();
    if (params.get('bench') !== '1') await this.playSample();
    if (this.disposed) return;
    this.driver.start();
    this.broadcast.start();
    await model;
    this.markModelReady();
  }

  playSample(): Promise<boolean> {
    return this.sources.playSample();
  }

  startCamera(): Promise<boolean> {
    return this.sources.startCamera();
  }

  playFile(file: File): Promise<boolean> {
    return this.sources.playFile(file);
  }

  async setModel(modelId: string, backend: BackendChoice = this.loader.backendChoice): Promise<void> {
    this.loader.modelId = modelId;
    this.loader.backendChoice = backend;
    await this.loader.load();
  }

  private async warmupFrame(): Promise<ImageBitmap | null> {
    const video = this.driver.source?.video;
    if (!video || video.videoWidth === 0 || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA)
      return null;
    // A frame that cannot be grabbed yet only costs realism in the timings: auto then times a blank frame.
    return createImageBitmap(video, { resizeWidth: 256, resizeHeight: 256 }).catch(() => null);
  }

  /** Frame-stepped replay of the current clip (see replayClip); live playback resumes after. */
  async replay({ resume = true } = {}): Promise<{ ran: boolean; reason: string }[]> {
    const token = ++this.replayToken;
    return replayClip(
      {
        pipeline: this.pipeline,
        driver: this.driver,
        progress: (p) => {
          this.replayProgress = p;
        },
        current: () => token === this.replayToken,
      },
      resume,
    );
  }

  /**
   * Used by `npm run bench` through the page: a frame-stepped replay with an every-frame reference; with `realtime`,
   * the clip then also plays at its own speed through the live path and what was displayed is scored.
   */
  bench(options: BenchOptions & { realtime?: boolean }): Promise<BenchFrames> {
    return options.realtime ? realtimeBench(this, options) : benchReplay(this, options);
  }

  /** One every-frame reference pass evaluating every gate setting of a grid (the Sweep view, `npm run sweep`). */
  sweep(options: SweepOptions): Promise<SweepRun> {
    return sweepReplay(this, options);
  }

  /** Stops a replay in progress; live playback resumes. */
  cancelReplay(): void {
    this.replayToken++;
    this.driver.paused = false;
    this.pipeline.resetGate();
    if (this.replayProgress) this.replayProgress = { ...this.replayProgress, running: false };
    void this.driver.source?.video.play().catch(() => undefined);
  }

  setPolicy(spec: string): void {
    try {
      this.pipeline.gate.setPolicy(spec);
    } catch (err) {
      this.notify('warning', { code: 'policy-rejected', params: { spec, error: (err as Error).message } });
    }
  }

  updateGate(patch: Partial<GateSettings>): void {
    this.pipeline.gate.update(patchGateSettings(this.pipeline.gate.settings, patch));
  }

  /** Replaces every gate setting at once (an imported gate file). */
  replaceGate(settings: GateSettings): void {
    this.pipeline.gate.setPolicy(this.pipeline.gate.spec, settings);
  }

  setSmoothing(weight: number): void {
    this.pipeline.smoothing = Math.min(1, Math.max(0.05, weight));
  }

  setShadowShare(share: number): void {
    this.pipeline.shadowShare = Math.min(1, Math.max(0, share));
  }

  setBudget(config: BudgetConfigInput | null): void {
    this.meter.setBudget(config);
  }

  raiseBudget(limitUSD: number): void {
    this.meter.raiseBudget(limitUSD, this.pipeline.gate.settings.maxQuality);
  }

  /** Starts the simulated bug that requests inference many times per frame; the runaway guard must stop it. */
  simulateRunaway(): void {
    this.pipeline.simulateRunawayFrom = 0;
    this.notify('warning', { code: 'runaway-simulated', params: {} });
  }

  /** What a paused stream (budget reached, runaway guard) shows: the last mask, or a plain full-frame blur. */
  setPausedFallback(fallback: 'last-mask' | 'full-blur'): void {
    this.pipeline.pausedFallback = fallback;
  }

  resetRunaway(): void {
    this.pipeline.simulateRunawayFrom = null;
    this.pipeline.runaway.reset();
    this.notify('info', { code: 'runaway-reset', params: {} });
  }

  /** Retries the model at once after segmentation stepped aside. */
  retryModel(): void {
    this.pipeline.runner.retryNow();
  }

  innerSegmenter(): Segmenter | null {
    return this.slot.inner;
  }

  setCloud(profile: CloudProfile | null): void {
    this.slot.setCloud(profile);
  }

  setSettings(settings: Partial<CompositorSettings>): void {
    this.pipeline.settings = { ...this.pipeline.settings, ...settings };
  }

  /** The source's own frame rate (camera setting or decoder), else the displayed frames' media times. */
  sourceFps(now = Date.now()): number | null {
    return (
      this.rate.read(this.driver.source) ?? liveStats(this.store.events, this.store.inferences, now).sourceFps
    );
  }

  snapshot(now = Date.now()): SessionSnapshot {
    return takeSnapshot(this, {
      stats: { ...liveStats(this.store.events, this.store.inferences, now), sourceFps: this.sourceFps(now) },
      firstMaskAt: this.firstMaskAt,
      cloud: this.slot.summary(),
    });
  }

  dispose(): void {
    this.disposed = true;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.meter.dispose();
    this.loader.dispose();
    this.broadcast.stop();
    this.driver.stop();
    this.driver.source?.stop();
    this.slot.dispose();
  }
}
