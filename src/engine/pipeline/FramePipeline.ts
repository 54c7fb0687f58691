import type { FrameEventStore } from '../../core/fold/FrameEventStore';
import type { FrameEvent, GateReason, InferenceKind, SegmentationMode } from '../../core/frameEvent';
import { RunawayGuard } from '../../core/guard/RunawayGuard';
import { THUMB_HEIGHT, THUMB_WIDTH } from '../../core/motion/greyThumbnail';
import type { CompositorSettings } from '../compositor/Compositor';
import type { StageCompositor } from '../compositor/StageCompositor';
import { FrameSampler } from '../gate/FrameSampler';
import { InferenceGate } from '../gate/InferenceGate';
import { budgetPermit, InferencePermits } from '../gate/InferencePermits';
import { MaskCache } from '../mask/MaskCache';
import { staleIou } from '../mask/staleIou';
import { type InferenceOutcome, InferenceRunner } from '../segmenter/InferenceRunner';
import type { FrameSource } from '../source/frameSources';
import { inferenceRecord } from './inferenceRecord';
import { modelInput } from './modelInput';
import type { PipelineGuard, StepResult } from './pipelineTypes';
import { runawayBug } from './runawayBug';
import { RecentValues, StageTimings } from './StageTimings';

export type { PipelineGuard, StepResult } from './pipelineTypes';

type EventBase = Omit<FrameEvent, 'ran' | 'reason' | 'inferenceId'>;

/**
 * The one flow, composed in one place: frame -> gate (and its permits) -> segmenter -> mask cache -> compositor,
 * and one FrameEvent per frame, emitted when the frame is composited. The inference a frame starts settles later as
 * its own InferenceRecord, linked by id. Live, the pipeline never waits for the model (one inference runs, one
 * may be queued; a frame that wants one while both are taken is 'busy'); replay waits for each inference before
 * compositing, so the same clip and settings give the same decisions on every run.
 */
export class FramePipeline {
  readonly cache = new MaskCache();
  readonly timings = new StageTimings();
  readonly gate = new InferenceGate();
  readonly runner = new InferenceRunner();
  /** Disables inference when something requests it many times per frame (see RunawayGuard). */
  readonly runaway = new RunawayGuard();
  /** IoU of the mask on screen against the fresh one, at each inference (free) and each staleness check. */
  readonly staleness = new RecentValues(120);
  /** The budget (set by the session): may refuse inferences and sets the stream's mode. */
  guard: PipelineGuard | null = null;
  /** Weight of a new mask in the cached one (exponential moving average); 1 = no smoothing. */
  smoothing = 1;
  /** Share of skipped frames on which the model also runs, unbilled, to measure staleness; 0 = off. */
  shadowShare = 0;
  /** When false no frame is sent to the model (feature paused). */
  inferenceEnabled = true;
  /** The tab is hidden: no inference for a view nobody sees. */
  hidden = false;
  /** From this frame on, a simulated bug requests inference many times per frame; null = no bug. */
  simulateRunawayFrom: number | null = null;
  /** What a paused (budget or runaway) stream shows: the last mask, or a plain full-frame blur. */
  pausedFallback: 'last-mask' | 'full-blur' = 'last-mask';
  /** Called once when the runaway guard trips, with its reason. */
  onRunaway: ((reason: string) => void) | null = null;
  private readonly permits: InferencePermits;
  readonly sampler = new FrameSampler();
  private readonly thumb = new Float32Array(THUMB_WIDTH * THUMB_HEIGHT);
  /** The frame being read or gated, not yet handed to the compositor (the live driver admits one such frame). */
  readingFrame: number | null = null;
  private lastInferenceMediaTime: number | null = null;
  private skipsSinceShadow = 0;
  private frame = 0;
  /** Bumped when the gate resets (new source, replay): masks of inferences started before are dropped. */
  private generation = 0;

  constructor(
    /** Draws the stage: in a worker, or on the main thread (see createStageCompositor). */
    readonly compositor: StageCompositor,
    private readonly store: FrameEventStore,
    private readonly sessionId: string,
    public settings: CompositorSettings,
  ) {
    this.permits = new InferencePermits([
      () => (this.runaway.trip ? 'runaway' : null),
      budgetPermit(() => this.guard),
      () => (this.runner.segmenter?.maySend?.() === false ? 'throttled' : null),
      () => (this.runner.full || !this.runner.segmenter ? 'busy' : null),
      (r) => {
        const tripped = this.runaway.noteRequest(r.frame, r.mediaTime);
        if (tripped) this.onRunaway?.(tripped);
        return tripped ? 'runaway' : null;
      },
    ]);
  }

  /** full, max-quality, reduced (budget soft limit: cost-saver) or paused (budget hard limit, runaway guard). */
  get mode(): SegmentationMode {
    if (this.runaway.trip) return 'paused';
    const requested = this.gate.maxQuality ? 'max-quality' : 'full';
    return this.guard?.mode(requested) ?? requested;
  }

  /** Starts the gate over (a new source, a replay): no cached mask, no motion history. */
  resetGate(): void {
    this.gate.reset();
    this.cache.clear();
    this.skipsSinceShadow = 0;
    this.lastInferenceMediaTime = null;
    this.generation++;
  }

  /**
   * Processes the source's current frame. Live it returns once the frame is composited (its inference settles
   * later); with `replay` it waits for the inference first, and with `reference` it also runs the model, unbilled
   * and unrecorded, on a frame the gate skips, so the bench can compare what was shown with what the model says.
   */
  async step(source: FrameSource, mediaTime: number, replay = false, reference = false): Promise<StepResult> {
    const frame = this.frame++;
    this.readingFrame = frame;
    try {
      return await this.stepFrame(frame, source, mediaTime, replay, reference);
    } finally {
      // A step that failed before the compositor must not shut the driver out (nor clear a later frame's flag).
      if (this.readingFrame === frame) this.readingFrame = null;
    }
  }

  private async stepFrame(
    frame: number,
    source: FrameSource,
    mediaTime: number,
    replay: boolean,
    reference: boolean,
  ): Promise<StepResult> {
    // The decoded frame is read once and shared by the compositor and the model; the gate's luma read starts with it.
    const active = this.inferenceEnabled && !this.hidden && this.settings.effect !== 'off';
    const luma = active && this.gate.needsMotion ? this.sampler.begin(source.video) : null;
    const acquireStart = performance.now();
    const image = await createImageBitmap(source.video);
    const acquireMs = performance.now() - acquireStart;
    const gateStart = performance.now();
    let reason: GateReason =
      this.settings.effect === 'off' || !this.inferenceEnabled ? 'effect-off' : 'hidden';
    let run = false;
    let motion: number | null = null;
    let sampleMs = 0;
    if (active) {
      if (this.gate.needsMotion) sampleMs = await this.sampler.sample(luma, image, this.thumb);
      const verdict = this.gate.decide(frame, this.thumb);
      ({ run, reason, motion } = verdict);
      if (!this.runner.mayTry()) {
        run = false;
        reason = 'model-failing';
      } else if (run) {
        const refusal = this.permits.check({
          frame,
          mediaTime,
          maxQuality: this.gate.maxQuality,
          sinceLastInference: this.sinceLastInference(mediaTime),
        });
        if (refusal) {
          run = false;
          reason = refusal;
        }
      }
    }
    const gateMs = performance.now() - gateStart + (luma?.startMs ?? 0);
    // What a skipped frame shows (and what a fresh mask is compared with): the inferred mask, moved by the shift.
    const warpStart = performance.now();
    const inferred = this.cache.inferred;
    if (active && inferred) {
      const { dx, dy } = this.gate.maskShift(inferred.width, inferred.height);
      this.cache.show(dx, dy);
    }
    const warpMs = performance.now() - warpStart;
    const base: EventBase = {
      ts: Date.now(),
      mediaTime,
      sessionId: this.sessionId,
      frame,
      source: replay ? 'replay' : source.kind,
      model: this.runner.segmenter?.info.modelId ?? 'none',
      runtime: this.runner.segmenter?.info.runtime ?? 'tfjs',
      backend: this.runner.segmenter?.info.backend ?? 'wasm',
      motion,
      mode: this.mode,
    };
    const result: StepResult = {
      ...{ frame, ran: run, reason, motion, displayed: null, reference: null, modelMs: null },
      ...{ acquireMs, gateMs, sampleMs, warpMs, composeMs: 0 },
    };
    let inferenceId: number | null = null;
    try {
      let pending: Promise<Partial<StepResult>> | null = null;
      if (run) {
        inferenceId = this.runner.allocateId();
        this.gate.noteInference(frame);
        this.lastInferenceMediaTime = mediaTime;
        pending = this.infer(inferenceId, frame, this.grab(image), acquireStart, 'gate');
      } else if (
        active &&
        reason !== 'busy' &&
        reason !== 'model-failing' &&
        (reference || this.shadowDue())
      ) {
        pending = this.infer(
          reference ? null : this.runner.allocateId(),
          frame,
          this.grab(image),
          acquireStart,
          'shadow',
        );
      }
      if (replay && pending) Object.assign(result, await pending);
      if (active && this.simulateRunawayFrom !== null && frame >= this.simulateRunawayFrom) {
        const bug = runawayBug(
          {
            runaway: this.runaway,
            runner: this.runner,
            grab: () => this.grab(image),
            emit: (e) => this.store.append(e),
            settle: (id, f, o) => this.record(id, f, 'duplicate', o, undefined),
            onTrip: (why) => this.onRunaway?.(why),
          },
          base,
        );
        if (replay) await bug;
      }
      const plain = reason === 'model-failing';
      const fullBlur = this.mode === 'paused' && this.pausedFallback === 'full-blur';
      const settings = plain ? { ...this.settings, effect: 'off' as const } : this.settings;
      // The compositor takes the frame over (a worker gets it transferred); the event waits until it is drawn.
      this.readingFrame = null;
      const timing = await this.compositor.render(image, this.cache, settings, fullBlur);
      result.composeMs = timing.drawMs;
      this.timings.composeMain.push(timing.mainMs);
    } finally {
      image.close();
    }
    this.timings.acquire.push(acquireMs);
    this.timings.gate.push(gateMs);
    this.timings.warp.push(warpMs);
    this.timings.compose.push(result.composeMs);
    this.store.append({ ...base, ran: run, reason, inferenceId });
    result.displayed = this.cache.mask;
    return result;
  }

  private sinceLastInference(mediaTime: number): number | null {
    const since = this.lastInferenceMediaTime === null ? null : mediaTime - this.lastInferenceMediaTime;
    // A clip that loops steps media time back: treat that as long ago rather than as negative time.
    return since !== null && since >= 0 ? since : null;
  }

  private grab(image: ImageBitmap): Promise<ImageBitmap> {
    return modelInput(image, this.runner.segmenter?.info, this.mode === 'reduced');
  }

  /**
   * Runs one inference. A gate inference's mask goes into the cache (and its outline weights the gate); a staleness
   * check only compares. Both compare the mask on screen with the fresh one: how stale the cache had become.
   * `id` null: the bench's unrecorded reference pass.
   */
  private async infer(
    id: number | null,
    frame: number,
    input: Promise<ImageBitmap>,
    start: number,
    kind: InferenceKind,
  ): Promise<Partial<StepResult>> {
    const generation = this.generation;
    const onScreen = this.cache.mask;
    const outcome = await this.runner.run(input, start, kind);
    if (!outcome.ok) {
      if (kind === 'gate') this.gate.retryNext();
      if (id !== null) this.record(id, frame, kind, outcome, undefined);
      return {};
    }
    const { mask } = outcome;
    const staleness = staleIou(onScreen, mask);
    if (kind === 'gate' && generation === this.generation) {
      this.cache.put(mask, frame, this.smoothing);
      this.gate.noteMask(mask);
      if (staleness !== undefined) this.gate.noteStaleness(staleness);
    }
    if (id !== null) {
      if (staleness !== undefined) this.staleness.push(staleness);
      this.record(id, frame, kind, outcome, staleness);
    }
    return { reference: mask, modelMs: outcome.modelMs };
  }

  private record(
    id: number,
    frame: number,
    kind: InferenceKind,
    outcome: InferenceOutcome,
    stale?: number,
  ): void {
    this.store.settle(inferenceRecord(id, this.sessionId, frame, kind, outcome, stale));
  }

  private shadowDue(): boolean {
    if (this.shadowShare <= 0 || this.runner.inFlight || !this.cache.mask) return false;
    if (++this.skipsSinceShadow < 1 / this.shadowShare) return false;
    this.skipsSinceShadow = 0;
    return true;
  }
}
