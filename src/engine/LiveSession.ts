import { FrameEventStore } from '../core/FrameEventStore';
import type { FrameEvent } from '../core/frameEvent';
import { type GateSettings, patchGateSettings } from '../core/gate/gateSettings';
import type { AnomalyAlert } from '../core/guard/AnomalyDetector';
import type { BudgetView } from '../core/guard/BudgetGuard';
import { budgetAfterCatalog } from '../core/guard/budgetAfterCatalog';
import { CostWatch, type WatchUsage } from '../core/guard/CostWatch';
import type { CloudProfile } from '../core/guard/cloudOutcome';
import { type BudgetConfigInput, DEFAULT_SOFT_AT } from '../core/guard/parseBudget';
import type { RunawayTrip } from '../core/guard/RunawayGuard';
import { type LiveStats, liveStats } from '../core/liveStats';
import { type ModelEntry, parseModelManifest } from '../core/modelManifest';
import { type Catalog, type CatalogEntry, isPriced } from '../core/pricing/catalogSchema';
import { loadDefaultCatalog } from '../core/pricing/defaultCatalog';
import { priceSession } from '../core/pricing/priceSession';
import { type BenchFrames, type BenchOptions, benchReplay } from './benchReplay';
import { createPeriodBudget, restoreBudget } from './budget/sessionBudget';
import type { CompositorSettings } from './Compositor';
import { FrameLoop } from './FrameLoop';
import { type FrameSource, openCamera, openClip, SourceError } from './frameSources';
import { detectFps, frameCount, seekFrame } from './frameStepper';
import { loadSegmenter } from './loadSegmenter';
import { SessionBroadcast } from './SessionBroadcast';
import { SimulatedCloudSegmenter } from './SimulatedCloudSegmenter';
import type { BackendChoice, Segmenter, SegmenterInfo } from './segmenterTypes';
import { type SweepOptions, type SweepRun, sweepReplay } from './sweepReplay';

export const SAMPLE_CLIP = '/sample/motion_asl_signer_640x480.mp4';
export const SAMPLE_LABEL = 'Sample clip: ASL signer (Intel, CC BY 4.0)';

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  text: string;
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
  totals: FrameEventStore['totals'];
  composeMsP50: number | null;
  notices: Notice[];
  settings: CompositorSettings;
  gate: {
    policy: string;
    settings: GateSettings;
    smoothing: number;
    shadowShare: number;
    gateMsP50: number | null;
  };
  /** Shadow checks of skipped frames: IoU of the cached mask against a fresh one (not billed). */
  staleness: { checks: number; last: number | null; mean: number | null; min: number | null };
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

export interface ReplayProgress {
  done: number;
  total: number;
  fps: number;
  running: boolean;
  inferences: number;
}

const p50 = (values: readonly number[]) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
};

/**
 * Owns one live session: the sources, the segmenter and the frame loop, and the FrameEvent store they write.
 * Bad input never stops it: every failure becomes a notice and the previous working state stays.
 */
export class LiveSession {
  readonly store = new FrameEventStore();
  readonly sessionId = crypto.randomUUID();
  readonly loop: FrameLoop;
  models: ModelEntry[] = [];
  modelId = 'selfie-general-tfjs';
  backendChoice: BackendChoice = 'auto';
  loadingModel = false;
  notices: Notice[] = [];
  replayProgress: ReplayProgress | null = null;
  /** Settles when the first model load has finished (loaded, fallen back, or failed with a notice). */
  readonly modelReady: Promise<void>;
  private markModelReady: () => void = () => undefined;
  private replayToken = 0;
  private nextNotice = 1;
  private loadToken = 0;
  /** The catalog costs are priced from (the cost panel's, once it has edited it). */
  catalog: Catalog = loadDefaultCatalog();
  /** The catalog entries the cost panel compares; the log and metrics price frames for these. */
  selectedIds: string[] = [];
  /** Anomaly alerts so far, newest last. */
  alerts: AnomalyAlert[] = [];
  readonly broadcast: SessionBroadcast;
  private cloudProfile: CloudProfile | null = null;
  private lastAlertNotice = 0;
  /** Day and month budgets shared with this browser's other tabs (storage, channel, locks, rollover). */
  private readonly periodBudget = createPeriodBudget(this);
  private fpsProbe: {
    video: HTMLVideoElement;
    frames: number;
    mediaTime: number;
    fps: number | null;
  } | null = null;
  private readonly onVisibility = () => {
    this.loop.hidden = document.hidden;
  };

  constructor(canvas: HTMLCanvasElement, settings: CompositorSettings) {
    this.loop = new FrameLoop(canvas, this.store, this.sessionId, settings);
    this.modelReady = new Promise((resolve) => {
      this.markModelReady = resolve;
    });
    this.loop.onRunaway = (reason) =>
      this.notify('error', `Inference disabled by the runaway guard: ${reason}`);
    this.watch(null);
    restoreBudget(this, this.periodBudget);
    this.store.subscribe((event) => this.observeCost(event));
    this.broadcast = new SessionBroadcast({ sessionId: this.sessionId, read: () => this.reading() });
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  notify(level: Notice['level'], text: string): void {
    this.notices = [...this.notices.slice(-5), { id: this.nextNotice++, level, text }];
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }

  /** Loads the manifest and the sample clip, starts the loop, then the model (the video shows while it loads). */
  async start(): Promise<void> {
    // ?model=ID&backend=NAME pick the model and backend up front (shareable links, tests that skip auto timing).
    const params = new URLSearchParams(location.search);
    this.modelId = params.get('model') ?? this.modelId;
    const backend = params.get('backend');
    if (backend && ['auto', 'webgl', 'wasm', 'cpu', 'webgpu'].includes(backend))
      this.backendChoice = backend as BackendChoice;
    const policy = params.get('policy');
    if (policy) this.setPolicy(policy);
    try {
      const response = await fetch('/models/manifest.json');
      if (!response.ok) throw new Error(`/models/manifest.json is missing (HTTP ${response.status})`);
      this.models = parseModelManifest(await response.json()).models;
    } catch (err) {
      this.notify(
        'error',
        `No model can load: ${(err as Error).message}. The video plays without segmentation.`,
      );
    }
    // ?bench=1: the bench drives the session and brings its own clip.
    if (params.get('bench') !== '1') await this.playSample();
    this.loop.start();
    this.broadcast.start();
    if (this.models.length > 0) await this.loadModel();
    this.markModelReady();
  }

  private async switchTo(open: () => Promise<FrameSource>): Promise<boolean> {
    try {
      this.loop.setSource(await open());
      return true;
    } catch (err) {
      this.notify(err instanceof SourceError ? 'warning' : 'error', (err as Error).message);
      return false;
    }
  }

  playSample(): Promise<boolean> {
    return this.switchTo(() => openClip(SAMPLE_CLIP, 'sample', SAMPLE_LABEL));
  }

  /** Asks for the camera; if it is denied, missing or lost, the sample clip plays (or keeps playing). */
  async startCamera(): Promise<boolean> {
    const ok = await this.switchTo(() =>
      openCamera((message) => {
        this.notify('warning', message);
        void this.playSample();
      }),
    );
    if (!ok && !this.loop.source) await this.playSample();
    return ok;
  }

  playFile(file: File): Promise<boolean> {
    return this.switchTo(() => openClip(URL.createObjectURL(file), 'file', file.name, true));
  }

  async setModel(modelId: string, backend: BackendChoice = this.backendChoice): Promise<void> {
    this.modelId = modelId;
    this.backendChoice = backend;
    await this.loadModel();
  }

  private async warmupFrame(): Promise<ImageBitmap | null> {
    const video = this.loop.source?.video;
    if (!video || video.videoWidth === 0 || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA)
      return null;
    const height = Math.round((256 * video.videoHeight) / video.videoWidth);
    // A frame that cannot be grabbed yet only costs realism in the timings: auto then times a blank frame.
    return createImageBitmap(video, { resizeWidth: 256, resizeHeight: height }).catch(() => null);
  }

  /** Loads the chosen model; the previous segmenter keeps working until the new one is ready. */
  private async loadModel(): Promise<void> {
    const token = ++this.loadToken;
    this.loadingModel = true;
    let segmenter: Segmenter | null = null;
    try {
      segmenter = await loadSegmenter(
        this.models,
        this.modelId,
        this.backendChoice,
        () => this.warmupFrame(),
        (text) => this.notify('warning', text),
      );
    } catch (err) {
      this.notify(
        'error',
        `Segmentation is unavailable: ${(err as Error).message}. The video plays unsegmented.`,
      );
    }
    if (token !== this.loadToken) {
      segmenter?.dispose();
      return;
    }
    this.loadingModel = false;
    if (!segmenter) return;
    const previous = this.loop.segmenter;
    this.loop.segmenter = segmenter;
    if (this.cloudProfile) this.setCloud(this.cloudProfile);
    previous?.dispose();
    this.modelId = segmenter.info.modelId;
    const timings = segmenter.info.timings;
    if (timings) {
      const list = Object.entries(timings)
        .map(([b, t]) => `${b} ${typeof t === 'number' ? `${t.toFixed(1)} ms` : t}`)
        .join(', ');
      this.notify('info', `Auto picked ${segmenter.info.backend} (${list})`);
    }
  }

  /**
   * Frame-stepped replay of the current clip: every frame in order, each inference awaited, so the same clip and
   * settings give the same decisions on every run. Returns each frame's decision; live playback resumes after.
   */
  async replay({ resume = true } = {}): Promise<{ ran: boolean; reason: string }[]> {
    const source = this.loop.source;
    if (!source || source.kind === 'camera') throw new Error('replay needs a video file or the sample clip');
    if (!this.loop.segmenter) throw new Error('the model is still loading');
    const token = ++this.replayToken;
    const video = source.video;
    this.loop.replaying = true;
    const decisions: { ran: boolean; reason: string }[] = [];
    try {
      const fps = await detectFps(video);
      const total = await frameCount(video, fps);
      this.loop.resetGate();
      this.replayProgress = { done: 0, total, fps, running: true, inferences: 0 };
      for (let i = 0; i < total && token === this.replayToken && this.loop.source === source; i++) {
        const mediaTime = await seekFrame(video, i, fps);
        const step = await this.loop.step(source, mediaTime, true);
        decisions.push({ ran: step.ran, reason: step.reason });
        this.replayProgress = {
          ...this.replayProgress,
          done: i + 1,
          inferences: this.replayProgress.inferences + (step.ran ? 1 : 0),
        };
      }
    } finally {
      if (this.replayProgress) this.replayProgress = { ...this.replayProgress, running: false };
      if (token === this.replayToken) {
        this.loop.replaying = false;
        this.loop.resetGate();
        if (resume && this.loop.source === source) void video.play().catch(() => undefined);
      }
    }
    return decisions;
  }

  /** Used by `npm run bench` through the page: a frame-stepped replay with an every-frame reference. */
  bench(options: BenchOptions): Promise<BenchFrames> {
    return benchReplay(this, options);
  }

  /** One every-frame reference pass evaluating every gate setting of a grid (the Sweep view, `npm run sweep`). */
  sweep(options: SweepOptions): Promise<SweepRun> {
    return sweepReplay(this, options);
  }

  /** Stops a replay in progress; live playback resumes. */
  cancelReplay(): void {
    this.replayToken++;
    this.loop.replaying = false;
    this.loop.resetGate();
    if (this.replayProgress) this.replayProgress = { ...this.replayProgress, running: false };
    void this.loop.source?.video.play().catch(() => undefined);
  }

  setPolicy(spec: string): void {
    try {
      this.loop.setPolicy(spec);
    } catch (err) {
      this.notify('warning', (err as Error).message);
    }
  }

  updateGate(patch: Partial<GateSettings>): void {
    this.loop.updateGateSettings(patchGateSettings(this.loop.gateSettings, patch));
  }

  /** Replaces every gate setting at once (an imported gate file). */
  replaceGate(settings: GateSettings): void {
    this.loop.setPolicy(this.loop.policySpec, settings);
  }

  setSmoothing(weight: number): void {
    this.loop.smoothing = Math.min(1, Math.max(0.05, weight));
  }

  setShadowShare(share: number): void {
    this.loop.shadowShare = Math.min(1, Math.max(0, share));
  }

  /** The entry the cost watch prices: the budget's, else the first priced per-image entry (for anomaly alerts). */
  private watchedEntry(catalogId?: string): CatalogEntry | undefined {
    const priced = this.catalog.filter(isPriced);
    return priced.find((e) => e.id === catalogId) ?? priced.find((e) => e.unit === 'image') ?? priced[0];
  }

  /** Starts a fresh cost watch (budget and anomaly detection) over the events from now on. */
  private watch(budget: BudgetConfigInput | null, prior?: WatchUsage[]): void {
    const entry = this.watchedEntry(budget?.catalogId);
    const budgetOptions = { permit: this.periodBudget.permit };
    this.loop.costWatch = entry
      ? new CostWatch({ entry, budget: budget ?? undefined, budgetOptions, fps: this.snapshotFps(), prior })
      : null;
    // The spend so far counts against a new budget: fold in what already happened.
    if (this.loop.costWatch) for (const e of this.store.events) this.loop.costWatch.observe(e);
  }

  private snapshotFps(): number {
    return liveStats(this.store.events, Date.now()).sourceFps ?? 30;
  }

  private observeCost(event: FrameEvent): void {
    const result = this.loop.costWatch?.observe(event);
    if (!result) return;
    if (result.budget) this.notify(result.budget.level, result.budget.reason);
    this.periodBudget.observe(event.ran);
    if (result.alerts.length > 0) {
      this.alerts = [...this.alerts, ...result.alerts].slice(-20);
      // One notice per 10 s at most: a burst of motion should not bury the other messages.
      if (event.ts - this.lastAlertNotice > 10_000) {
        this.lastAlertNotice = event.ts;
        this.notify('warning', `Anomaly: ${result.alerts[0].reason}`);
      }
    }
  }

  /**
   * Sets (or replaces) the budget on one catalog entry; null removes it. The budget is kept in storage (a reload
   * enforces it at once); a day or month budget also counts this browser's other sessions of the period (PeriodBudget).
   */
  setBudget(config: BudgetConfigInput | null): void {
    const begun = this.periodBudget.begin(
      config && { softAt: DEFAULT_SOFT_AT, period: 'session', ...config },
    );
    this.watch(begun.config, begun.prior);
    this.periodBudget.claim();
  }

  raiseBudget(limitUSD: number): void {
    const change = this.loop.costWatch?.guard?.raise(
      limitUSD,
      this.loop.gateSettings.maxQuality ? 'max-quality' : 'full',
    );
    if (change) this.notify(change.level, change.reason);
  }

  /** The cost panel's catalog (after edits or an import); a budget keeps its entry if it is still there. */
  setCatalog(catalog: Catalog, selectedIds: string[] = this.selectedIds): void {
    this.selectedIds = selectedIds;
    if (catalog === this.catalog) return;
    this.catalog = catalog;
    const kept = budgetAfterCatalog(this.loop.costWatch?.guard?.config ?? null, catalog);
    if (kept.notice) this.notify('warning', kept.notice);
    this.setBudget(kept.config);
  }

  /** Starts the simulated bug that requests inference many times per frame; the runaway guard must stop it. */
  simulateRunaway(): void {
    this.loop.simulateRunawayFrom = 0;
    this.notify('warning', 'Simulating a runaway bug: inference is now requested many times per frame.');
  }

  /** What a paused stream (budget reached, runaway guard) shows: the last mask, or a plain full-frame blur. */
  setPausedFallback(fallback: 'last-mask' | 'full-blur'): void {
    this.loop.pausedFallback = fallback;
  }

  resetRunaway(): void {
    this.loop.simulateRunawayFrom = null;
    this.loop.runaway.reset();
    this.notify('info', 'Runaway guard reset: inference is enabled again.');
  }

  /**
   * "Cloud (simulated)": every inference goes through an in-page stand-in with this latency, jitter and failure
   * profile (the local model provides the mask). Null goes back to on-device.
   */
  setCloud(profile: CloudProfile | null): void {
    const current = this.loop.segmenter;
    const inner = current instanceof SimulatedCloudSegmenter ? current.inner : current;
    this.cloudProfile = profile;
    if (!inner) return;
    this.loop.segmenter = profile
      ? new SimulatedCloudSegmenter(inner, {
          profile,
          onDegradation: (reason) =>
            this.notify(
              reason ? 'warning' : 'info',
              reason ? `Cloud (simulated) degraded: ${reason}` : 'Cloud (simulated) recovered',
            ),
        })
      : inner;
  }

  /** This tab's counts for the cross-tab aggregate (BroadcastChannel). */
  private reading() {
    const totals = this.store.totals;
    const stats = liveStats(this.store.events, Date.now(), 10_000);
    const costUSD: Record<string, number> = {};
    const prices = priceSession(this.catalog.filter(isPriced), {
      frames: totals.frames,
      inferences: totals.inferences,
      durationSeconds: totals.frames / (stats.sourceFps ?? 30),
      sessions: 1,
      frameBytes: 0,
    });
    for (const p of prices) if (p.ranUSD !== null) costUSD[p.id] = p.ranUSD;
    return {
      frames: totals.frames,
      inferences: totals.inferences,
      costUSD,
      inferencesPerMinute: stats.inferenceFps * 60,
    };
  }

  setSettings(settings: Partial<CompositorSettings>): void {
    this.loop.settings = { ...this.loop.settings, ...settings };
  }

  numTensors(): Promise<number | null> {
    return this.loop.segmenter?.numTensors() ?? Promise.resolve(null);
  }

  snapshot(now = Date.now()): SessionSnapshot {
    const source = this.loop.source;
    return {
      sessionId: this.sessionId,
      source: source ? { kind: source.kind, label: source.label } : null,
      segmenter: this.loop.segmenter?.info ?? null,
      loadingModel: this.loadingModel,
      modelId: this.modelId,
      backendChoice: this.backendChoice,
      models: this.models,
      stats: { ...liveStats(this.store.events, now), sourceFps: this.sourceFps(now) },
      totals: { ...this.store.totals, reasons: { ...this.store.totals.reasons } },
      composeMsP50: p50(this.loop.composeMs.all),
      notices: this.notices,
      settings: this.loop.settings,
      gate: {
        policy: this.loop.policySpec,
        settings: this.loop.gateSettings,
        smoothing: this.loop.smoothing,
        shadowShare: this.loop.shadowShare,
        gateMsP50: p50(this.loop.gateMs.all),
      },
      staleness: this.stalenessSummary(),
      replay: this.replayProgress,
      budget: this.loop.costWatch?.guard?.view() ?? null,
      runaway: this.loop.runaway.trip,
      mode: this.loop.mode,
      pausedFallback: this.loop.pausedFallback,
      alerts: this.alerts,
      cloud: this.cloudSummary(),
    };
  }

  /**
   * The source's own frame rate, whatever the display manages: the camera's setting, or for a clip the frames it
   * decoded per second of media time (a busy main thread drops frames, so displayed frames would understate it).
   */
  private sourceFps(now: number): number | null {
    const video = this.loop.source?.video;
    if (!video) return null;
    const track = (video.srcObject as MediaStream | null)?.getVideoTracks()[0];
    const setting = track?.getSettings().frameRate;
    if (setting) return setting;
    const decoded = video.getVideoPlaybackQuality().totalVideoFrames;
    const last = this.fpsProbe;
    if (!last || last.video !== video || video.currentTime < last.mediaTime) {
      this.fpsProbe = {
        video,
        frames: decoded,
        mediaTime: video.currentTime,
        fps: last?.video === video ? last.fps : null,
      };
    } else if (video.currentTime - last.mediaTime >= 1 && decoded > last.frames) {
      this.fpsProbe = {
        video,
        frames: decoded,
        mediaTime: video.currentTime,
        fps: (decoded - last.frames) / (video.currentTime - last.mediaTime),
      };
    }
    return this.fpsProbe?.fps ?? liveStats(this.store.events, now).sourceFps;
  }

  private cloudSummary(): SessionSnapshot['cloud'] {
    const cloud = this.loop.segmenter;
    if (!(cloud instanceof SimulatedCloudSegmenter) || !this.cloudProfile) return null;
    const { sent, failed, timedOut } = cloud.stats;
    return {
      profile: this.cloudProfile,
      degraded: cloud.degraded,
      reason: cloud.degradedReason,
      sent,
      failed,
      timedOut,
    };
  }

  private stalenessSummary(): SessionSnapshot['staleness'] {
    const values = this.loop.staleness.all;
    if (values.length === 0) return { checks: 0, last: null, mean: null, min: null };
    let sum = 0;
    let min = 1;
    for (const v of values) {
      sum += v;
      min = Math.min(min, v);
    }
    return { checks: values.length, last: values[values.length - 1], mean: sum / values.length, min };
  }

  dispose(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.periodBudget.dispose();
    this.broadcast.stop();
    this.loop.stop();
    this.loop.source?.stop();
    this.loop.segmenter?.dispose();
  }
}
