import type { GateReason } from '../frameEvent';
import type { GateDecision, GateInput, GatePolicy, GateTier } from './GatePolicy';
import { DEFAULT_GATE_SETTINGS, type GateSettings } from './gateSettings';

/**
 * The adaptive gate: the article's inference-rate tiers driven by a motion score measured against the last
 * inferred frame (so slow drift adds up), with scene cuts, a hard cap and a max-quality override on top.
 *
 * Order of checks (first match wins):
 *   max-quality override > first-frame > pending scene cut > scene-cut > max-skip > motion tier >
 *   baseline tier (every baselineStride frames) > static tier (refresh every refreshFrames).
 */
export class MotionGate implements GatePolicy {
  readonly name = 'adaptive';
  readonly needsMotion = true;
  private settings: GateSettings;
  private lastInferred = -1;
  /** A scene cut whose inference has not started yet (engine busy): keep asking until it does. */
  private pendingCut = false;
  private readonly decision: GateDecision = { run: true, reason: 'first-frame', tier: null };

  constructor(settings: Readonly<GateSettings> = DEFAULT_GATE_SETTINGS) {
    this.settings = { ...settings };
  }

  get currentSettings(): Readonly<GateSettings> {
    return this.settings;
  }

  /** Live tuning from the UI: takes effect on the next decide(), keeps the gate's history. */
  updateSettings(patch: Partial<GateSettings>): void {
    this.settings = { ...this.settings, ...patch };
  }

  decide(input: GateInput): GateDecision {
    const s = this.settings;
    const cut = input.sceneChange !== null && input.sceneChange >= s.sceneCutThreshold;
    if (cut) this.pendingCut = true;
    if (s.maxQuality) return this.out(true, 'max-quality', null);
    if (this.lastInferred < 0) return this.out(true, 'first-frame', null);
    if (this.pendingCut) return this.out(true, 'scene-cut', null);

    const since = input.frame - this.lastInferred;
    // Unmeasured motion counts as motion: never skip blind.
    const motion = input.motion ?? Number.POSITIVE_INFINITY;
    const tier: GateTier =
      motion >= s.motionThreshold ? 'motion' : motion >= s.staticThreshold ? 'baseline' : 'static';
    if (since - 1 >= s.maxSkipFrames) return this.out(true, 'max-skip', tier);
    if (tier === 'motion') return this.out(true, 'motion', tier);
    if (tier === 'baseline') {
      return since >= s.baselineStride
        ? this.out(true, 'baseline', tier)
        : this.out(false, 'baseline-skip', tier);
    }
    if (s.refreshFrames > 0 && since >= s.refreshFrames) return this.out(true, 'refresh', tier);
    return this.out(false, 'static-skip', tier);
  }

  noteInference(frame: number): void {
    this.lastInferred = frame;
    this.pendingCut = false;
  }

  reset(): void {
    this.lastInferred = -1;
    this.pendingCut = false;
  }

  private out(run: boolean, reason: GateReason, tier: GateTier | null): GateDecision {
    this.decision.run = run;
    this.decision.reason = reason;
    this.decision.tier = tier;
    return this.decision;
  }
}
