import type { FrameEventStore } from '../core/FrameEventStore';
import type { FrameEvent, GateReason, SegmentationMode } from '../core/frameEvent';
import { createGatePolicy } from '../core/gate/createGatePolicy';
import type { GatePolicy } from '../core/gate/GatePolicy';
import { DEFAULT_GATE_SETTINGS, type GateSettings } from '../core/gate/gateSettings';
import { MotionGate } from '../core/gate/MotionGate';
import type { CostWatch } from '../core/guard/CostWatch';
import { RunawayGuard } from '../core/guard/RunawayGuard';
import { greyThumbnail, THUMB_HEIGHT, THUMB_WIDTH } from '../core/motion/greyThumbnail';
import { MotionScorer } from '../core/motion/MotionScorer';
import { iou } from '../core/quality/iou';
import { Compositor, type CompositorSettings } from './Compositor';
import { FrameSampler } from './FrameSampler';
import type { FrameSource } from './frameSources';
import { MaskCache } from './MaskCache';
import { SimulatedCloudSegmenter } from './SimulatedCloudSegmenter';
import type { PersonMask, Segmenter } from './segmenterTypes';

/** Keeps the last N samples of a measure for medians and live readouts, without growing. */
export class RecentValues {
  private readonly values: number[] = [];
  constructor(private readonly size = 300) {}
  push(v: number): void {
    this.values.push(v);
    if (this.values.length > this.size) this.values.shift();
  }
  get all(): readonly number[] {
    return this.values;
  }
  clear(): void {
    this.values.length = 0;
  }
}

/** What one frame-stepped frame did, for replay and the bench. */
export interface StepResult {
  frame: number;
  ran: boolean;
  reason: GateReason;
  motion: number | null;
  /** The mask composited on this frame (after any smoothing); null before the first mask. */
  displayed: PersonMask | null;
  /** With `reference`, the model's mask for this very frame (computed whether or not the gate ran it). */
  reference: PersonMask | null;
  /** Model time of the inference started on this frame (the reference pass in bench mode), ms. */
  modelMs: number | null;
  /** Reading the frame out of the video once, for the gate, the compositor and the model to share. */
  acquireMs: number;
  gateMs: number;
  composeMs: number;
}

type EventBase = Omit<FrameEvent, 'ran' | 'reason' | 'latencyMs' | 'modelMs'>;

/** The model's input width: masks come back at this size and are upsampled by the compositor. */
const INFERENCE_WIDTH = 256;
/** Cost-saver mode sends a smaller frame: less to resize and read back (and, for a cloud API, to upload). */
const REDUCED_INFERENCE_WIDTH = 160;
/** Requests the simulated runaway bug makes per frame. */
const RUNAWAY_CALLS_PER_FRAME = 10;

/**
 * The one flow: source frame -> gate -> segmenter -> mask cache -> compositor, one FrameEvent per frame.
 * Live, requestVideoFrameCallback drives it at the source frame rate whatever the model's speed, with at most one
 * inference in flight (a frame that wants one meanwhile is 'busy'). Replay steps through a clip frame by frame and
 * waits for each inference, so the same clip and settings give the same decisions on every run.
 */
export class FrameLoop {
  readonly cache = new MaskCache();
  readonly composeMs = new RecentValues();
  readonly gateMs = new RecentValues();
  readonly acquireMs = new RecentValues();
  /** IoU of the cached mask against a fresh one on shadow-checked skipped frames. */
  readonly staleness = new RecentValues(120);
  source: FrameSource | null = null;
  segmenter: Segmenter | null = null;
  policySpec = 'adaptive';
  gateSettings: GateSettings = { ...DEFAULT_GATE_SETTINGS };
  /** Weight of a new mask in the cached one (exponential moving average); 1 = no smoothing. */
  smoothing = 1;
  /** Share of skipped frames on which the model also runs, unbilled, to measure staleness; 0 = off. */
  shadowShare = 0;
  /** When false no frame is sent to the model (tab hidden, feature paused). */
  inferenceEnabled = true;
  /** True while a replay drives the loop; live video callbacks are ignored. */
  replaying = false;
  /** The tab is hidden: no inference for a view nobody sees. */
  hidden = false;
  /** Budget and anomaly watch over the FrameEvent stream (set by the session); its guard can refuse inferences. */
  costWatch: CostWatch | null = null;
  /** Disables inference when something requests it many times per frame (see RunawayGuard). */
  readonly runaway = new RunawayGuard();
  /** From this frame on, a simulated bug requests inference many times per frame; null = no bug. */
  simulateRunawayFrom: number | null = null;
  /** What a paused (budget or runaway) stream shows: the last mask, or a plain full-frame blur. */
  pausedFallback: 'last-mask' | 'full-blur' = 'last-mask';
  /** Called once when the runaway guard trips, with its reason. */
  onRunaway: ((reason: string) => void) | null = null;
  private lastInferenceMediaTime: number | null = null;
  private policy: GatePolicy = createGatePolicy('adaptive', this.gateSettings);
  private readonly scorer = new MotionScorer();
  private readonly sampler = new FrameSampler();
  private readonly maskThumb = new Float32Array(THUMB_WIDTH * THUMB_HEIGHT);
  private readonly compositor: Compositor;
  private frame = 0;
  private inFlight = false;
  private skipsSinceShadow = 0;
  private callbackId = 0;
  private running = false;

  constructor(
    canvas: HTMLCanvasElement,
    private readonly store: FrameEventStore,
    private readonly sessionId: string,
    public settings: CompositorSettings,
  ) {
    this.compositor = new Compositor(canvas);
  }

  private get maxQuality(): boolean {
    return this.policySpec === 'adaptive' && this.gateSettings.maxQuality;
  }

  /** full, max-quality, reduced (budget soft limit: cost-saver) or paused (budget hard limit, runaway guard). */
  get mode(): SegmentationMode {
    if (this.runaway.trip) return 'paused';
    const requested = this.maxQuality ? 'max-quality' : 'full';
    return this.costWatch?.guard?.mode(requested) ?? requested;
  }

  /** Switches the policy ('adaptive', 'every-frame', 'stride:N'); throws a RangeError on a bad spec. */
  setPolicy(spec: string, settings: GateSettings = this.gateSettings): void {
    this.policy = createGatePolicy(spec, settings);
    this.policySpec = spec;
    this.gateSettings = { ...settings };
    this.scorer.reset();
  }

  /** Live tuning: takes effect on the next frame and keeps the gate's history. */
  updateGateSettings(patch: Partial<GateSettings>): void {
    this.gateSettings = { ...this.gateSettings, ...patch };
    if (this.policy instanceof MotionGate) this.policy.updateSettings(patch);
  }

  /** Switches to a new source (already opened and playing) and stops the previous one. */
  setSource(source: FrameSource): void {
    const previous = this.source;
    previous?.video.cancelVideoFrameCallback(this.callbackId);
    this.source = source;
    previous?.stop();
    this.resetGate();
    if (this.running) this.schedule();
  }

  resetGate(): void {
    this.policy.reset();
    this.scorer.reset();
    this.cache.clear();
    this.skipsSinceShadow = 0;
    this.lastInferenceMediaTime = null;
  }

  start(): void {
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.source?.video.cancelVideoFrameCallback(this.callbackId);
  }

  private schedule(): void {
    const source = this.source;
    if (!source) return;
    this.callbackId = source.video.requestVideoFrameCallback((_now, meta) => {
      if (this.source !== source || !this.running) return;
      if (!this.replaying) void this.step(source, meta.mediaTime);
      this.schedule();
    });
  }

  /**
   * Processes the source's current frame. Live (the default) it returns at once and inference settles later;
   * with `replay` it waits for the inference, and with `reference` it also runs the model on a frame the gate skips
   * (not billed, not cached) so the bench can compare what was shown with what the model would have said.
   */
  async step(source: FrameSource, mediaTime: number, replay = false, reference = false): Promise<StepResult> {
    const frame = this.frame++;
    // The decoded frame is read once; the first reader of a new video frame pays its conversion (a few ms on a
    // software GPU), so the gate, the compositor and the model all share this one bitmap.
    const acquireStart = performance.now();
    const image = await createImageBitmap(source.video);
    const acquireMs = performance.now() - acquireStart;
    this.acquireMs.push(acquireMs);
    const gateStart = performance.now();
    let reason: GateReason;
    let run = false;
    let motion: number | null = null;
    const active = this.inferenceEnabled && !this.hidden && this.settings.effect !== 'off';
    if (!active) {
      reason = this.settings.effect === 'off' || !this.inferenceEnabled ? 'effect-off' : 'hidden';
    } else {
      let sceneChange: number | null = null;
      if (this.policy.needsMotion) {
        this.sampler.sample(image, this.scorer.thumb);
        const scores = this.scorer.score();
        motion = scores.motion;
        sceneChange = scores.sceneChange;
      }
      const decision = this.policy.decide({ frame, motion, sceneChange });
      reason = decision.reason;
      run = decision.run;
      if (run) {
        const refusal = this.refusal(frame, mediaTime);
        if (refusal) {
          run = false;
          reason = refusal;
        }
      }
      if (run) {
        this.policy.noteInference(frame);
        this.scorer.noteInference();
        this.lastInferenceMediaTime = mediaTime;
      }
    }
    const gateMs = performance.now() - gateStart;
    this.gateMs.push(gateMs);

    const base: EventBase = {
      ts: Date.now(),
      mediaTime,
      sessionId: this.sessionId,
      frame,
      source: replay ? 'replay' : source.kind,
      model: this.segmenter?.info.modelId ?? 'none',
      runtime: this.segmenter?.info.runtime ?? 'tfjs',
      backend: this.segmenter?.info.backend ?? 'wasm',
      motion,
      mode: this.mode,
    };
    const result: StepResult = {
      frame,
      ran: run,
      reason,
      motion,
      displayed: null,
      reference: null,
      modelMs: null,
      acquireMs,
      gateMs,
      composeMs: 0,
    };

    const segmenter = this.segmenter;
    try {
      if (run && segmenter) {
        const inference = this.infer(source, segmenter, this.grab(image), acquireStart, frame, {
          ...base,
          reason,
        });
        if (replay) Object.assign(result, await inference);
      } else if (active && reason !== 'busy' && segmenter && (reference || this.shadowDue())) {
        const shadow = this.shadow(segmenter, this.grab(image), { ...base, reason }, !reference);
        if (replay) Object.assign(result, await shadow);
      } else {
        this.store.append({ ...base, ran: false, reason, latencyMs: null, modelMs: null });
      }
      if (active && segmenter && this.simulateRunawayFrom !== null && frame >= this.simulateRunawayFrom) {
        const calls = this.runawayBug(segmenter, image, frame, mediaTime, base);
        if (replay) await calls;
      }
      const fullBlur = this.mode === 'paused' && this.pausedFallback === 'full-blur';
      result.composeMs = this.compositor.render(image, this.cache, this.settings, fullBlur);
    } finally {
      image.close();
    }
    result.displayed = this.cache.mask;
    this.composeMs.push(result.composeMs);
    return result;
  }

  /**
   * Why an inference the gate asked for may not start, in order: the runaway guard, the budget (hard limit, or the
   * cost-saver rate cap), the cloud's send-rate limiter, one already in flight. Null = go ahead (and the request
   * is counted by the runaway guard).
   */
  private refusal(frame: number, mediaTime: number): GateReason | null {
    if (this.runaway.trip) return 'runaway';
    const guard = this.costWatch?.guard;
    const since = this.lastInferenceMediaTime === null ? null : mediaTime - this.lastInferenceMediaTime;
    // A clip that loops steps media time back: treat that as long ago rather than as negative time.
    if (guard && !guard.allows(this.maxQuality, since !== null && since >= 0 ? since : null)) {
      return guard.refusedAs();
    }
    if (this.segmenter instanceof SimulatedCloudSegmenter && !this.segmenter.maySend()) return 'throttled';
    if (this.inFlight || !this.segmenter) return 'busy';
    const tripped = this.runaway.noteRequest(frame, mediaTime);
    if (tripped) {
      this.onRunaway?.(tripped);
      return 'runaway';
    }
    return null;
  }

  /**
   * The simulated bug: requests inference over and over on one frame, past the in-flight check. Each request that
   * the runaway guard lets through is a real, billed inference (logged as 'duplicate'); the guard stops it.
   */
  private async runawayBug(
    segmenter: Segmenter,
    image: ImageBitmap,
    frame: number,
    mediaTime: number,
    base: EventBase,
  ): Promise<void> {
    const calls: Promise<unknown>[] = [];
    for (let k = 0; k < RUNAWAY_CALLS_PER_FRAME && !this.runaway.trip; k++) {
      const tripped = this.runaway.noteRequest(frame, mediaTime);
      if (tripped) {
        this.onRunaway?.(tripped);
        break;
      }
      const start = performance.now();
      const input = this.grab(image);
      calls.push(
        input
          .then((bitmap) => segmenter.segment(bitmap))
          .then(({ modelMs }) =>
            this.store.append({
              ...base,
              ran: true,
              reason: 'duplicate',
              latencyMs: performance.now() - start,
              modelMs,
            }),
          )
          .catch((err: Error) =>
            this.store.append({
              ...base,
              ran: true,
              reason: 'duplicate',
              latencyMs: null,
              modelMs: null,
              error: err.message,
            }),
          ),
      );
    }
    await Promise.all(calls);
  }

  /** The model's input, made from the shared frame before it is closed; smaller in cost-saver mode. */
  private grab(image: ImageBitmap): Promise<ImageBitmap> {
    const width = this.mode === 'reduced' ? REDUCED_INFERENCE_WIDTH : INFERENCE_WIDTH;
    const height = Math.round((width * image.height) / image.width);
    return createImageBitmap(image, { resizeWidth: width, resizeHeight: height, resizeQuality: 'medium' });
  }

  private async infer(
    source: FrameSource,
    segmenter: Segmenter,
    input: Promise<ImageBitmap>,
    start: number,
    frame: number,
    base: Omit<FrameEvent, 'ran' | 'latencyMs' | 'modelMs'>,
  ): Promise<Partial<StepResult>> {
    this.inFlight = true;
    try {
      const { mask, modelMs } = await segmenter.segment(await input);
      if (this.source === source) this.accept(mask, frame);
      this.store.append({ ...base, ran: true, latencyMs: performance.now() - start, modelMs });
      return { reference: mask, modelMs };
    } catch (err) {
      this.store.append({
        ...base,
        ran: true,
        latencyMs: null,
        modelMs: null,
        error: (err as Error).message,
      });
      return {};
    } finally {
      this.inFlight = false;
    }
  }

  /** A new inferred mask: into the cache (smoothed), and its outline weights the next motion scores. */
  private accept(mask: PersonMask, frame: number): void {
    this.cache.put(mask, frame, this.smoothing);
    const s = this.gateSettings;
    greyThumbnail(mask.data, mask.width, mask.height, this.maskThumb, THUMB_WIDTH, THUMB_HEIGHT, 1);
    this.scorer.noteMask(this.maskThumb, {
      edgeWeight: s.edgeWeight,
      interiorWeight: s.interiorWeight,
      backgroundWeight: 1,
      radius: s.edgeRadius,
    });
  }

  private shadowDue(): boolean {
    if (this.shadowShare <= 0 || this.inFlight || !this.cache.mask) return false;
    this.skipsSinceShadow++;
    if (this.skipsSinceShadow < 1 / this.shadowShare) return false;
    this.skipsSinceShadow = 0;
    return true;
  }

  /** Runs the model on a skipped frame without billing or caching it; measures how stale the cached mask is. */
  private async shadow(
    segmenter: Segmenter,
    input: Promise<ImageBitmap>,
    base: Omit<FrameEvent, 'ran' | 'latencyMs' | 'modelMs'>,
    record: boolean,
  ): Promise<Partial<StepResult>> {
    const cached = this.cache.mask;
    this.inFlight = true;
    try {
      const { mask, modelMs } = await segmenter.segment(await input);
      const shadowIou =
        cached && cached.data.length === mask.data.length ? iou(cached.data, mask.data) : undefined;
      if (record && shadowIou !== undefined) this.staleness.push(shadowIou);
      this.store.append({
        ...base,
        ran: false,
        latencyMs: null,
        modelMs: null,
        ...(record ? { shadowIou } : {}),
      });
      return { reference: mask, modelMs };
    } catch (err) {
      this.store.append({
        ...base,
        ran: false,
        latencyMs: null,
        modelMs: null,
        error: (err as Error).message,
      });
      return {};
    } finally {
      this.inFlight = false;
    }
  }
}
