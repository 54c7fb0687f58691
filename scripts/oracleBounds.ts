/**
 * Bounds on what any gate can reach on a cached clip, to tell a weak controller from a weak signal from a target
 * no gate can meet. All three keep the gate's fixed rules: the first frame and every scene cut are inferred, and
 * no mask is shown on more than refreshFrames frames in a row.
 *   - warpedIouTable: the IoU table as the screen would show it with warping on (the app's ShiftTracker shift).
 *   - thresholdBound with no signal: a gate that KNOWS each frame's true staleness (no real gate does) and infers
 *     when it reaches a threshold chosen per clip in hindsight: what a perfect staleness signal would give a
 *     threshold gate; with a signal (stalenessPredictor.ts), what that signal would give.
 *   - fixedScaleBound: the real motion gate with its thresholds times one factor chosen per clip in hindsight:
 *     what a perfect controller of the motion thresholds would give.
 * The clairvoyant optimum (a schedule that knows the future) is gateStudyTables.offlineOptimum.
 */
import { DEFAULT_GATE_SETTINGS, type GateSettings } from '../src/core/gate/gateSettings';
import { THUMB_HEIGHT, THUMB_WIDTH } from '../src/core/motion/greyThumbnail';
import { ShiftTracker } from '../src/core/motion/ShiftTracker';
import { FRAME_H, FRAME_W, THUMB_N } from './gateStudyCache';
import { type Eval, type IouTable, summarise, thumbOf, W } from './gateStudyTables';
import { maskThumb255, type ShiftedIou, type SimRun, simulate } from './targetSim';

/**
 * iou[s * (W + 1) + k]: IoU of frame s's mask, moved by the shift the app's ShiftTracker estimates from frame s to
 * s + k, with frame s + k's mask; 0 beyond maxReuse frames (the gate never shows a mask that long).
 */
export function warpedIouTable(
  t: IouTable,
  shifted: ShiftedIou,
  maxReuse = DEFAULT_GATE_SETTINGS.refreshFrames,
): Float32Array {
  const F = t.clip.frames;
  const out = new Float32Array(F * (W + 1));
  const tracker = new ShiftTracker(THUMB_WIDTH, THUMB_HEIGHT, undefined, DEFAULT_GATE_SETTINGS.edgeRadius);
  const mask255 = new Float32Array(THUMB_N);
  for (let s = 0; s < F; s++) {
    tracker.noteInference(thumbOf(t.clip, s));
    tracker.noteMask(maskThumb255(t.clip, s, mask255));
    out[s * (W + 1)] = 1;
    for (let k = 1; k <= Math.min(W, maxReuse) && s + k < F; k++) {
      tracker.estimate(thumbOf(t.clip, s + k));
      const px = tracker.pixels(FRAME_W, FRAME_H);
      // A shift that rounds to no pixel reads the plain table.
      out[s * (W + 1) + k] = shifted.get(s, s + k, px.dx, px.dy);
    }
  }
  return out;
}

/**
 * A gate that infers when `signal` (same layout as the IoU table) reaches the threshold; signal null = the true
 * staleness, 1 - IoU of the shown mask (the oracle). Quality is scored on `iou`.
 */
export function runThresholdGate(
  t: Pick<IouTable, 'clip' | 'prevDiff'>,
  iou: Float32Array,
  signal: Float32Array | null,
  threshold: number,
  settings: Readonly<GateSettings> = DEFAULT_GATE_SETTINGS,
): Eval {
  const F = t.clip.frames;
  const ious = new Float64Array(F);
  let last = -1;
  let inferences = 0;
  for (let f = 0; f < F; f++) {
    const at = last * (W + 1) + (f - last);
    const shown = last < 0 ? 0 : iou[at];
    const run =
      last < 0 ||
      t.prevDiff[f] >= settings.sceneCutThreshold ||
      f - last >= settings.refreshFrames ||
      (signal ? signal[at] : 1 - shown) >= threshold;
    if (run) {
      last = f;
      inferences++;
      ious[f] = 1;
    } else ious[f] = shown;
  }
  return summarise(ious, inferences);
}

/**
 * The threshold gate's fewest inferences at the quality target (Eval.ok), the threshold chosen in hindsight over
 * 0.005..0.6 (a staleness scale; null if none meets it). signal null = the oracle.
 */
export function thresholdBound(
  t: Pick<IouTable, 'clip' | 'prevDiff'>,
  iou: Float32Array,
  signal: Float32Array | null,
): (Eval & { threshold: number }) | null {
  let best: (Eval & { threshold: number }) | null = null;
  for (let threshold = 0.005; threshold <= 0.6; threshold *= 1.05) {
    const e = runThresholdGate(t, iou, signal, threshold);
    if (e.ok && (!best || e.inferences < best.inferences)) best = { ...e, threshold };
  }
  return best;
}

/** The manual motion gate with both thresholds times k, the k with fewest inferences at the target (0.5..3). */
export function fixedScaleBound(
  t: IouTable,
  shifted: ShiftedIou,
  warp: boolean,
): (SimRun & { k: number }) | null {
  let best: (SimRun & { k: number }) | null = null;
  const base = DEFAULT_GATE_SETTINGS;
  for (let k = 0.5; k <= 3.001; k += 0.05) {
    const settings = {
      ...base,
      staticThreshold: base.staticThreshold * k,
      motionThreshold: base.motionThreshold * k,
    };
    const r = simulate(t, shifted, { policy: 'manual', warp, settings });
    if (r.ok && (!best || r.inferences < best.inferences)) best = { ...r, k };
  }
  return best;
}
