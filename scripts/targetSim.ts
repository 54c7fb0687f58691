/**
 * Replays a gate over a cached clip frame by frame, as the frame-stepped bench does (each inference's mask is there
 * before the next frame): the real MotionScorer, MotionGate or TargetGate, and optionally the real estimateShift +
 * warpMask on reused frames. Quality per frame = IoU of the displayed mask with that frame's every-frame mask.
 */
import type { GateReason } from '../src/core/frameEvent';
import { DEFAULT_GATE_SETTINGS, type GateSettings } from '../src/core/gate/gateSettings';
import { MotionGate } from '../src/core/gate/MotionGate';
import type { ControllerConstants, QualityTarget } from '../src/core/gate/QualityController';
import { TargetGate, type TargetGateState } from '../src/core/gate/TargetGate';
import { warpMask } from '../src/core/mask/warpMask';
import { THUMB_HEIGHT, THUMB_WIDTH } from '../src/core/motion/greyThumbnail';
import { MotionScorer } from '../src/core/motion/MotionScorer';
import { ShiftTracker } from '../src/core/motion/ShiftTracker';
import { type ClipCache, FRAME_H, FRAME_W, MASK_WORDS, THUMB_N } from './gateStudyCache';
import { type Eval, type IouTable, summarise, thumbOf, W } from './gateStudyTables';

export interface SimOptions {
  policy: 'manual' | 'target';
  warp: boolean;
  /** With warp: the gate sees the motion score less this share (0..1) of the part the shift explains. */
  residual?: number;
  settings?: GateSettings;
  target?: QualityTarget;
  constants?: ControllerConstants;
}

export interface SimRun extends Eval {
  reasons: Partial<Record<GateReason, number>>;
  cutsMissed: number;
  /** The target gate's state at the end of the clip; null for manual. */
  state: TargetGateState | null;
  /** Mean CPU ms per frame of the gate's own work: scores, decision, shift estimate (not the mask warp). */
  gateMs: number;
}

/** IoU of a (shifted) earlier mask with a frame's mask at 640x480, memoised across runs of one clip. */
export class ShiftedIou {
  private readonly memo = new Map<string, number>();
  private readonly src = new Uint8Array(FRAME_W * FRAME_H);
  private readonly moved = new Uint8Array(FRAME_W * FRAME_H);
  private unpacked = -1;

  constructor(private readonly t: IouTable) {}

  get(from: number, to: number, dx: number, dy: number): number {
    const ix = Math.round(dx);
    const iy = Math.round(dy);
    if (ix === 0 && iy === 0 && to - from <= W) return this.t.iou[from * (W + 1) + (to - from)];
    const key = `${from},${to},${ix},${iy}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const masks = this.t.clip.masks;
    if (this.unpacked !== from) {
      const o = from * MASK_WORDS;
      for (let i = 0; i < this.src.length; i++)
        this.src[i] = (masks[o + (i >>> 5)] >>> (i & 31)) & 1 ? 255 : 0;
      this.unpacked = from;
    }
    warpMask(this.src, FRAME_W, FRAME_H, ix, iy, this.moved);
    const o = to * MASK_WORDS;
    let inter = 0;
    let union = 0;
    for (let i = 0; i < this.moved.length; i++) {
      const a = this.moved[i] !== 0;
      const b = ((masks[o + (i >>> 5)] >>> (i & 31)) & 1) !== 0;
      if (a && b) inter++;
      if (a || b) union++;
    }
    const v = union === 0 ? 1 : inter / union;
    this.memo.set(key, v);
    return v;
  }
}

/** Frame f's mask thumbnail on the 0..255 scale the gate's weights read (person = 255). */
export function maskThumb255(clip: ClipCache, f: number, out: Float32Array): Float32Array {
  const m = clip.maskThumbs.subarray(f * THUMB_N, (f + 1) * THUMB_N);
  for (let i = 0; i < THUMB_N; i++) out[i] = m[i] * 255;
  return out;
}

export function simulate(t: IouTable, shifted: ShiftedIou, opts: SimOptions): SimRun {
  const clip = t.clip;
  const F = clip.frames;
  const settings = opts.settings ?? DEFAULT_GATE_SETTINGS;
  const gate =
    opts.policy === 'target'
      ? new TargetGate(settings, opts.target, opts.constants)
      : new MotionGate(settings);
  const scorer = new MotionScorer();
  const tracker = new ShiftTracker(THUMB_WIDTH, THUMB_HEIGHT, undefined, settings.edgeRadius);
  const mt = new Float32Array(THUMB_N);
  const ious = new Float64Array(F);
  const ran = new Uint8Array(F);
  const reasons: Partial<Record<GateReason, number>> = {};
  let last = -1;
  let inferences = 0;
  let gateMs = 0;
  for (let f = 0; f < F; f++) {
    const t0 = process.cpuUsage();
    scorer.thumb.set(thumbOf(clip, f));
    const scores = scorer.score();
    // Where the person moved since the last inference (warp): the cached mask is shown moved by it.
    const shift = opts.warp ? tracker.estimate(scorer.thumb) : tracker.shift;
    // Residual: the share of the change that the shift explains is no reason to infer.
    const motion = opts.residual ? tracker.residual(scores.motion, opts.residual) : scores.motion;
    const d = gate.decide({ frame: f, motion, sceneChange: scores.sceneChange });
    const used = process.cpuUsage(t0);
    gateMs += (used.user + used.system) / 1000;
    const run = d.run;
    reasons[d.reason] = (reasons[d.reason] ?? 0) + 1;
    // What the screen shows on this frame without a fresh mask: the cached one, moved if warping.
    let shown = 0;
    if (last >= 0) {
      const px = tracker.pixels(FRAME_W, FRAME_H);
      shown =
        opts.warp && (shift.dx !== 0 || shift.dy !== 0)
          ? shifted.get(last, f, px.dx, px.dy)
          : f - last <= W
            ? t.iou[last * (W + 1) + (f - last)]
            : 0;
    }
    if (run) {
      ran[f] = 1;
      inferences++;
      last = f;
      gate.noteInference(f);
      scorer.noteInference();
      maskThumb255(clip, f, mt);
      scorer.noteMask(mt, {
        edgeWeight: settings.edgeWeight,
        interiorWeight: settings.interiorWeight,
        backgroundWeight: 1,
        radius: settings.edgeRadius,
      });
      if (opts.warp) {
        tracker.noteInference(scorer.thumb);
        tracker.noteMask(mt);
      }
      if (gate instanceof TargetGate && f > 0) gate.noteStaleness(shown);
      ious[f] = 1;
    } else ious[f] = shown;
  }
  return {
    ...summarise(ious, inferences),
    reasons,
    cutsMissed: t.hardCuts.filter((c) => !ran[c]).length,
    state: gate instanceof TargetGate ? gate.state : null,
    gateMs: gateMs / F,
  };
}
