import type { GateReason } from '../../core/frameEvent';
import { createGatePolicy } from '../../core/gate/createGatePolicy';
import type { GatePolicy } from '../../core/gate/GatePolicy';
import { DEFAULT_GATE_SETTINGS, type GateSettings } from '../../core/gate/gateSettings';
import { MotionGate } from '../../core/gate/MotionGate';
import type { QualityTarget } from '../../core/gate/QualityController';
import { TargetGate, type TargetGateState } from '../../core/gate/TargetGate';
import { greyThumbnail, THUMB_HEIGHT, THUMB_WIDTH } from '../../core/motion/greyThumbnail';
import { MotionScorer } from '../../core/motion/MotionScorer';
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
  /** An inference failed: the motion reference did not move, and the next frame asks again. */
  private retry = false;
  spec: string;
  settings: GateSettings;

  constructor(spec = 'adaptive', settings: GateSettings = DEFAULT_GATE_SETTINGS) {
    this.spec = spec;
    this.settings = { ...settings };
    this.policy = createGatePolicy(spec, this.settings);
  }

  /** Switches the policy ('adaptive', 'every-frame', 'stride:N'); throws a RangeError on a bad spec. */
  setPolicy(spec: string, settings: GateSettings = this.settings): void {
    this.policy = createGatePolicy(spec, settings);
    this.spec = spec;
    this.settings = { ...settings };
    this.scorer.reset();
  }

  /** Live tuning: takes effect on the next frame and keeps the gate's history. */
  update(patch: Partial<GateSettings>): void {
    this.settings = { ...this.settings, ...patch };
    if (this.policy instanceof MotionGate || this.policy instanceof TargetGate)
      this.policy.updateSettings(patch);
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
  }

  /**
   * The inference started on the last noted frame failed: the cached mask is as old as before, so the next frame
   * asks again instead of skipping against a reference no mask came from.
   */
  retryNext(): void {
    this.retry = true;
  }

  /** A new inferred mask: its outline weights the next motion scores. */
  noteMask(mask: PersonMask): void {
    const s = this.settings;
    greyThumbnail(mask.data, mask.width, mask.height, this.maskThumb, THUMB_WIDTH, THUMB_HEIGHT, 1);
    this.scorer.noteMask(this.maskThumb, {
      edgeWeight: s.edgeWeight,
      interiorWeight: s.interiorWeight,
      backgroundWeight: 1,
      radius: s.edgeRadius,
    });
  }

  reset(): void {
    this.retry = false;
    this.policy.reset();
    this.scorer.reset();
  }
}
