import type { GateReason } from '../frameEvent';
import type { GateDecision, GateInput, GatePolicy } from './GatePolicy';
import { DEFAULT_GATE_SETTINGS, type GateSettings } from './gateSettings';
import { MotionGate } from './MotionGate';
import {
  type ControllerConstants,
  type ControllerState,
  DEFAULT_CONTROLLER_CONSTANTS,
  DEFAULT_QUALITY_TARGET,
  QualityController,
  type QualityTarget,
  type StalenessObservation,
} from './QualityController';

/** The target gate's state, for the Skip gate panel and the bench JSON. */
export interface TargetGateState extends ControllerState {
  /** Thresholds the gate applies now (the manual ones times the scale). */
  staticThreshold: number;
  motionThreshold: number;
  maxSkipFrames: number;
}

/** Reasons whose inference was asked for by a motion threshold: finding slack there may raise it. */
const THRESHOLD_REASONS: ReadonlySet<GateReason> = new Set<GateReason>(['motion', 'baseline']);
/** Reasons whose staleness says nothing about the thresholds: the scene changed, or nothing was reused. */
const IGNORED_REASONS: ReadonlySet<GateReason> = new Set<GateReason>([
  'first-frame',
  'scene-cut',
  'max-quality',
]);

/**
 * Quality-target mode: the MotionGate (every override kept: max quality, first frame, scene cuts, the max-skip
 * cap, the refresh), with its motion thresholds scaled by a QualityController fed the staleness that each
 * inference measures for free. The engine drives it as any GatePolicy, plus one call when a fresh mask arrives:
 *   decide(input) -> run? -> noteInference(frame) -> ... mask arrives -> noteStaleness(iou(onScreen, fresh)).
 */
export class TargetGate implements GatePolicy {
  readonly name = 'target';
  readonly needsMotion = true;
  readonly controller: QualityController;
  private readonly gate: MotionGate;
  private base: GateSettings;
  private decidedReason: GateReason = 'first-frame';
  private startedReason: GateReason = 'first-frame';
  private lastInferred = -1;
  private framesSince = 0;
  /** Motion scores of the frames reused since the last inference; copied at the next one for noteStaleness. */
  private reused: Float64Array = new Float64Array(64);
  private reusedCount = 0;
  private readonly observation: StalenessObservation = {
    staleness: 1,
    motion: 0,
    reused: new Float64Array(64),
    reusedCount: 0,
    thresholdReached: false,
    tightenFloor: 0,
  };
  private decidedMotion = 0;
  private askedToRun = false;

  constructor(
    settings: Readonly<GateSettings> = DEFAULT_GATE_SETTINGS,
    target: Readonly<QualityTarget> = DEFAULT_QUALITY_TARGET,
    constants: Readonly<ControllerConstants> = DEFAULT_CONTROLLER_CONSTANTS,
  ) {
    this.base = { ...settings };
    this.gate = new MotionGate(settings);
    this.controller = new QualityController(target, constants);
  }

  /** The manual settings the scale applies to (the UI's). */
  get baseSettings(): Readonly<GateSettings> {
    return this.base;
  }

  /** The settings in force now (thresholds scaled). */
  get currentSettings(): Readonly<GateSettings> {
    return this.gate.currentSettings;
  }

  /** Live tuning of the manual settings; the learned scale is kept. */
  updateSettings(patch: Partial<GateSettings>): void {
    this.base = { ...this.base, ...patch };
    this.gate.updateSettings(patch);
    this.applyScale();
  }

  setTarget(target: Readonly<QualityTarget>): void {
    this.controller.setTarget(target);
  }

  decide(input: GateInput): GateDecision {
    // The previous frame asked to run but was not started (engine busy): it showed the cached mask too.
    if (this.askedToRun) this.noteReused(this.decidedMotion);
    const d = this.gate.decide(input);
    this.decidedReason = d.reason;
    this.decidedMotion = input.motion ?? 0;
    this.askedToRun = d.run;
    if (!d.run) this.noteReused(this.decidedMotion);
    return d;
  }

  private noteReused(motion: number): void {
    if (this.reusedCount === this.reused.length) {
      const grown = new Float64Array(this.reused.length * 2);
      grown.set(this.reused);
      this.reused = grown;
    }
    this.reused[this.reusedCount++] = motion;
  }

  noteInference(frame: number): void {
    this.framesSince = this.lastInferred < 0 ? 0 : frame - this.lastInferred;
    this.lastInferred = frame;
    this.startedReason = this.decidedReason;
    this.askedToRun = false;
    // Keep the segment that just ended for noteStaleness (the swap allocates nothing).
    const o = this.observation;
    const ended = this.reused;
    this.reused = o.reused as Float64Array;
    o.reused = ended;
    o.reusedCount = this.reusedCount;
    o.motion = this.decidedMotion;
    this.reusedCount = 0;
    this.gate.noteInference(frame);
  }

  /**
   * The mask of the latest inference arrived: `iou` is its IoU with the mask that was on screen (the cached one,
   * warped if warping is on). Adapts the thresholds for the next decisions.
   */
  noteStaleness(iou: number): void {
    if (this.framesSince < 1 || IGNORED_REASONS.has(this.startedReason)) return;
    const o = this.observation;
    let peak = 0;
    for (let j = 0; j < o.reusedCount; j++) peak = Math.max(peak, o.reused[j]);
    o.staleness = iou;
    o.thresholdReached = THRESHOLD_REASONS.has(this.startedReason);
    o.tightenFloor = this.base.motionThreshold > 0 ? peak / this.base.motionThreshold : 0;
    this.controller.noteStaleness(o);
    this.applyScale();
  }

  get state(): TargetGateState {
    const s = this.gate.currentSettings;
    return {
      ...this.controller.state,
      staticThreshold: s.staticThreshold,
      motionThreshold: s.motionThreshold,
      maxSkipFrames: s.maxSkipFrames,
    };
  }

  reset(): void {
    this.gate.reset();
    this.controller.reset();
    this.lastInferred = -1;
    this.framesSince = 0;
    this.reusedCount = 0;
    this.observation.reusedCount = 0;
    this.askedToRun = false;
    this.applyScale();
  }

  private applyScale(): void {
    const k = this.controller.scale;
    this.gate.updateSettings({
      staticThreshold: Math.min(255, this.base.staticThreshold * k),
      motionThreshold: Math.min(255, this.base.motionThreshold * k),
    });
  }
}
