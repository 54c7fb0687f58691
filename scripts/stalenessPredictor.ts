/**
 * A learned staleness signal, to test whether the 64x48 grey thumbnails carry more than the motion score does:
 * a ridge regression of log(staleness + 0.01) (staleness = 1 - IoU of the warped cached mask) on features the gate
 * could compute per frame, fitted on some clips and scored as a threshold gate (oracleBounds.thresholdBound) on
 * another, the threshold chosen in hindsight. Features of frame s + k against the inferred frame s:
 *   1, log1p of: the motion score (outside the mask's interior), its part the shift does not explain, the change
 *   at the outline band, the change in the background, k, the mask's area in cells, the outline change per area.
 */

import { DEFAULT_GATE_SETTINGS } from '../src/core/gate/gateSettings';
import { edgeWeights } from '../src/core/motion/edgeWeights';
import { THUMB_HEIGHT, THUMB_WIDTH } from '../src/core/motion/greyThumbnail';
import { ShiftTracker } from '../src/core/motion/ShiftTracker';
import { THUMB_N } from './gateStudyCache';
import { type IouTable, thumbOf, W } from './gateStudyTables';
import { maskThumb255 } from './targetSim';

export const FEATURES = 8;
const RIDGE = 1e-3;

/** features[(s * (W + 1) + k) * FEATURES + i] for k in 1..maxReuse (the rest 0). */
export function featureTable(t: IouTable, maxReuse = DEFAULT_GATE_SETTINGS.refreshFrames): Float32Array {
  const F = t.clip.frames;
  const out = new Float32Array(F * (W + 1) * FEATURES);
  const tracker = new ShiftTracker(THUMB_WIDTH, THUMB_HEIGHT, undefined, DEFAULT_GATE_SETTINGS.edgeRadius);
  const mask255 = new Float32Array(THUMB_N);
  const zone = new Float32Array(THUMB_N);
  for (let s = 0; s < F; s++) {
    const ref = thumbOf(t.clip, s);
    tracker.noteInference(ref);
    tracker.noteMask(maskThumb255(t.clip, s, mask255));
    let area = 0;
    for (let i = 0; i < THUMB_N; i++) area += mask255[i] / 255;
    // 2 = outline band, 1 = background, 0 = interior.
    const radius = DEFAULT_GATE_SETTINGS.edgeRadius;
    edgeWeights(mask255, THUMB_WIDTH, THUMB_HEIGHT, zone, {
      edgeWeight: 2,
      interiorWeight: 0,
      backgroundWeight: 1,
      radius,
    });
    for (let k = 1; k <= Math.min(W, maxReuse) && s + k < F; k++) {
      const cur = thumbOf(t.clip, s + k);
      const gain = tracker.estimate(cur).gain;
      let edge = 0;
      let background = 0;
      for (let i = 0; i < THUMB_N; i++) {
        const d = Math.abs(cur[i] - ref[i]);
        if (zone[i] === 2) edge += d;
        else if (zone[i] === 1) background += d;
      }
      const motion = (edge + background) / THUMB_N;
      const o = (s * (W + 1) + k) * FEATURES;
      out[o] = 1;
      out[o + 1] = Math.log1p(motion);
      out[o + 2] = Math.log1p(motion * (1 - gain));
      out[o + 3] = Math.log1p(edge / THUMB_N);
      out[o + 4] = Math.log1p(background / THUMB_N);
      out[o + 5] = Math.log1p(k);
      out[o + 6] = Math.log1p(area);
      out[o + 7] = Math.log1p(edge / (area + 30));
    }
  }
  return out;
}

export interface TrainingClip {
  t: IouTable;
  /** IoU as shown (warpedIouTable or the plain table). */
  iou: Float32Array;
  features: Float32Array;
}

/** Ridge least squares of log(1 - IoU + 0.01) on the features, over every (s, k) pair that crosses no cut. */
export function fitPredictor(
  clips: readonly TrainingClip[],
  maxReuse = DEFAULT_GATE_SETTINGS.refreshFrames,
): number[] {
  const n = FEATURES;
  const a = Array.from({ length: n }, () => new Float64Array(n + 1));
  let rows = 0;
  for (const c of clips) {
    const F = c.t.clip.frames;
    for (let s = 0; s < F; s++) {
      for (let k = 1; k <= maxReuse && s + k < F; k++) {
        if (c.t.prevDiff[s + k] >= DEFAULT_GATE_SETTINGS.sceneCutThreshold) break;
        const o = (s * (W + 1) + k) * n;
        const y = Math.log(1 - c.iou[s * (W + 1) + k] + 0.01);
        for (let i = 0; i < n; i++) {
          a[i][n] += c.features[o + i] * y;
          for (let j = 0; j < n; j++) a[i][j] += c.features[o + i] * c.features[o + j];
        }
        rows++;
      }
    }
  }
  for (let i = 1; i < n; i++) a[i][i] += RIDGE * rows;
  // Gauss-Jordan with partial pivoting on the normal equations.
  for (let i = 0; i < n; i++) {
    let p = i;
    for (let r = i + 1; r < n; r++) if (Math.abs(a[r][i]) > Math.abs(a[p][i])) p = r;
    [a[i], a[p]] = [a[p], a[i]];
    for (let r = 0; r < n; r++) {
      if (r === i) continue;
      const f = a[r][i] / a[i][i];
      for (let j = i; j <= n; j++) a[r][j] -= f * a[i][j];
    }
  }
  return a.map((row, i) => row[n] / row[i]);
}

/** The predicted staleness (0..1) in the IoU table's layout, for thresholdBound. */
export function predictedStaleness(features: Float32Array, weights: readonly number[]): Float32Array {
  const out = new Float32Array(features.length / FEATURES);
  for (let p = 0; p < out.length; p++) {
    let z = 0;
    for (let i = 0; i < FEATURES; i++) z += weights[i] * features[p * FEATURES + i];
    out[p] = Math.min(1, Math.max(0, Math.exp(z) - 0.01));
  }
  return out;
}
