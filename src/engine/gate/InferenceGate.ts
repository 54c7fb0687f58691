import type { GateReason } from '../../core/frameEvent';
import { createGatePolicy } from '../../core/gate/createGatePolicy';
import type { GatePolicy } from '../../core/gate/GatePolicy';
import { DEFAULT_GATE_SETTINGS, type GateSettings } from '../../core/gate/gateSettings';
import { MotionGate } from '../../core/gate/MotionGate';
import type { QualityTarget } from '../../core/gate/QualityController';
import { TargetGate, type TargetGateState } from '../../core/gate/TargetGate';
import { greyThumbnail, THUMB_HEIGHT, THUMB_WIDTH } from '../../core/motion/greyThumbnail';
import { MotionScorer } from '../../core/motion/MotionScorer';
import { ShiftTracker } from '../../core/motion/ShiftTracker';
import type { PersonMask } from '../segmenter/segmenterTypes';

/** What the gate decided on one frame (a fresh object: callers may keep it). */
export interface GateVerdict {
  run: boolean;
  reason: GateReason;
  motion: number | null;
}

/**
 * The one inference gate: motion scorer plus policy, fed a grey thumbnail of each frame and the masks that come
 * back. The live loop, replay, the bench and every sweep point run this same class, so a sweep point makes exactly
 * the decisions of a bench run with the same settings. Permits that may refuse what it asks (budget, runaway, busy)
 * live beside it (InferencePermits); the gate only learns of inferences that actually started.
 */
export class InferenceGate {
  private policy: GatePolicy;
  private readonly scorer = new MotionScorer();
  private readonly maskThumb = new Float32Array(THUMB_WIDTH * THUMB_HEIGHT);
  /** Where the person moved since the frame of the mask on screen (warp). */
  private tracker: ShiftTracker;
  /** Thumbnail of the frame the pending inference was started on: the shift reference once its mask arrives. */
  private readonly startedThumb = new Float32Array(THUMB_WIDTH * THUMB_HEIGHT);
  /** An inference failed: the motion reference did not move, and the next frame asks again. */
  private retry = false;
  spec: string;
  settings: GateSettings;

  constructor(spec = 'target', settings: GateSettings = DEFAULT_GATE_SETTINGS) {
    this.spec = spec;
    this.settings = { ...settings };
    this.policy = createGatePolicy(spec, this.settings);
    this.tracker = new ShiftTracker(THUMB_WIDTH, THUMB_HEIGHT, undefined, this.settings.edgeRadius);
  }

  /** Switches the policy ('target', 'adaptive', 'every-frame', 'stride:N'); throws a RangeError on a bad spec. */
  setPolicy(spec: string, settings: GateSettings = this.settings): void {
    this.policy = createGatePolicy(spec, settings);
    this.spec = spec;
    this.settings = { ...settings };
    this.scorer.reset();
    this.tracker = new ShiftTracker(THUMB_WIDTH, THUMB_HEIGHT, undefined, this.settings.edgeRadius);
  }

  /** Live tuning: takes effect on the next frame and keeps the gate's history. */
  update(patch: Partial<GateSettings>): void {
    const radius = this.settings.edgeRadius;
    this.settings = { ...this.settings, ...patch };
    if (this.policy instanceof MotionGate || this.policy instanceof TargetGate)
      this.policy.updateSettings(patch);
    // The tracker's outline band follows edgeRadius; a new one waits for the next mask.
    if (this.settings.edgeRadius !== radius)
      this.tracker = new ShiftTracker(THUMB_WIDTH, THUMB_HEIGHT, undefined, this.settings.edgeRadius);
  }

  /** Motion-compensated reuse is on and the policy looks at motion (fixed strides show the mask unmoved). */
  get warps(): boolean {
    return this.settings.warp && this.policy.needsMotion;
  }

  /**
   * The shift of the person since the frame of the inferred mask, in whole pixels of a mask of the given size, as
   * estimated on the last decided frame; zero when not warping or before a mask. The cached mask is shown moved by
   * it (MaskCache.show); the sweep rounds the same way, so both show the same mask.
   */
  maskShift(maskWidth: number, maskHeight: number): { dx: number; dy: number } {
    if (!this.warps) return { dx: 0, dy: 0 };
    const p = this.tracker.pixels(maskWidth, maskHeight);
    // + 0 turns a rounded -0 into 0, so the shift reads the same as a key or a comparison.
    return { dx: Math.round(p.dx) + 0, dy: Math.round(p.dy) + 0 };
  }

  get maxQuality(): boolean {
    return (this.spec === 'adaptive' || this.spec === 'target') && this.settings.maxQuality;
  }

  /** The quality-target controller's state ('target' policy), for the Skip gate panel and the bench; else null. */
  get target(): TargetGateState | null {
    return this.policy instanceof TargetGate ? this.policy.state : null;
  }

  /** Sets the quality the 'target' policy holds (ignored by the others). */
  setTarget(target: QualityTarget): void {
    if (this.policy instanceof TargetGate) this.policy.setTarget(target);
  }

  /**
   * How stale the cache had become when a fresh mask arrived (IoU of the mask on screen against it): the quality
   * target's controller adapts the thresholds from it. Other policies ignore it.
   */
  noteStaleness(iou: number): void {
    if (this.policy instanceof TargetGate) this.policy.noteStaleness(iou);
  }

  /** The thumbnail of the last decided frame (motion policies only; bench --dump reads it). */
  get lastThumb(): Float32Array {
    return this.scorer.thumb;
  }

  /** False for fixed policies: the caller may skip making a thumbnail. */
  get needsMotion(): boolean {
    return this.policy.needsMotion;
  }

  /** Decides on frame `frame`; `thumb` is its 64x48 grey thumbnail (ignored by fixed policies). */
  decide(frame: number, thumb: Float32Array | null): GateVerdict {
    let motion: number | null = null;
    let sceneChange: number | null = null;
    if (this.policy.needsMotion && thumb) {
      this.scorer.thumb.set(thumb);
      const scores = this.scorer.score();
      motion = scores.motion;
      sceneChange = scores.sceneChange;
      if (this.warps) this.tracker.estimate(thumb);
    }
    const decision = this.policy.decide({ frame, motion, sceneChange });
    if (this.retry && !decision.run) return { run: true, reason: 'refresh', motion };
    return { run: decision.run, reason: decision.reason, motion };
  }

  /** The model was started on `frame`: its thumbnail becomes the motion reference. */
  noteInference(frame: number): void {
    this.retry = false;
    this.policy.noteInference(frame);
    this.scorer.noteInference();
    this.startedThumb.set(this.scorer.thumb);
  }

  /**
   * The inference started on the last noted frame failed: the cached mask is as old as before, so the next frame
   * asks again instead of skipping against a reference no mask came from.
   */
  retryNext(): void {
    this.retry = true;
  }

  /**
   * A new inferred mask (of the last noted frame): its outline weights the next motion scores, and shifts are
   * measured from its frame from now on (live it arrives frames later; until then the old mask moves from its own).
   */
  noteMask(mask: PersonMask): void {
    const s = this.settings;
    greyThumbnail(mask.data, mask.width, mask.height, this.maskThumb, THUMB_WIDTH, THUMB_HEIGHT, 1);
    this.scorer.noteMask(this.maskThumb, {
      edgeWeight: s.edgeWeight,
      interiorWeight: s.interiorWeight,
      backgroundWeight: 1,
      radius: s.edgeRadius,
    });
    this.tracker.noteInference(this.startedThumb);
    this.tracker.noteMask(this.maskThumb);
  }

  reset(): void {
    this.retry = false;
    this.policy.reset();
    this.scorer.reset();
    this.tracker.reset();
  }
}
