/**
 * What every gate study needs from a cached clip: IoU of each frame's mask with the masks up to W frames later,
 * the scene-change score, the hard cuts, and the yardsticks (quality of a schedule, best fixed stride, offline
 * optimum). Shared by gateStudy.ts and targetStudy.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { meanAbsDiff } from '../src/core/motion/meanAbsDiff';
import { percentile } from '../src/core/quality/percentile';
import { bitCount, CLEAR_STRAY, type ClipCache, MASK_WORDS, THUMB_N } from './gateStudyCache';

/** Longest reuse the tables cover; every policy studied stays within it (max-skip 30). */
export const W = 60;
export const IOU_MEAN_MIN = 0.95;
export const IOU_P05_MIN = 0.85;
/** A frame whose thumbnail differs this much from the previous one is a hard cut for the "after a cut" check. */
export const HARD_CUT_SCORE = 40;

export interface IouTable {
  clip: ClipCache;
  /** iou[s * (W + 1) + k]: IoU of the mask of frame s with the mask of frame s + k. */
  iou: Float32Array;
  /** Score vs the previous frame (scene-cut detector); 0 on frame 0. */
  prevDiff: Float32Array;
  hardCuts: number[];
}

export interface Eval {
  inferences: number;
  ratio: number;
  iouMean: number;
  iouP05: number;
  iouMin: number;
  ok: boolean;
}

export function packedIou(masks: Uint32Array, a: number, b: number): number {
  let inter = 0;
  let union = 0;
  const oa = a * MASK_WORDS;
  const ob = b * MASK_WORDS;
  for (let i = 0; i < MASK_WORDS; i++) {
    const x = masks[oa + i];
    const y = masks[ob + i];
    if ((x | y) === 0) continue;
    inter += bitCount(x & y);
    union += bitCount(x | y);
  }
  return union === 0 ? 1 : inter / union;
}

export function thumbOf(clip: ClipCache, i: number): Float32Array {
  return clip.thumbs.subarray(i * THUMB_N, (i + 1) * THUMB_N);
}

export function buildIouTable(clip: ClipCache, cacheDir: string): IouTable {
  const F = clip.frames;
  const file = join(cacheDir, `${clip.name}.tables.w${W}${CLEAR_STRAY ? '.clear' : ''}.f32`);
  const iou = new Float32Array(F * (W + 1)).fill(Number.NaN);
  if (existsSync(file)) {
    const b = readFileSync(file);
    iou.set(new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)));
  } else {
    for (let s = 0; s < F; s++) {
      for (let k = 0; k <= W && s + k < F; k++) iou[s * (W + 1) + k] = packedIou(clip.masks, s, s + k);
    }
    writeFileSync(file, new Uint8Array(iou.buffer));
  }
  const prevDiff = new Float32Array(F);
  for (let t = 1; t < F; t++) prevDiff[t] = meanAbsDiff(thumbOf(clip, t - 1), thumbOf(clip, t));
  const hardCuts: number[] = [];
  for (let t = 1; t < F; t++) if (prevDiff[t] >= HARD_CUT_SCORE) hardCuts.push(t);
  return { clip, iou, prevDiff, hardCuts };
}

/** Summary of per-frame IoUs and an inference count. */
export function summarise(ious: ArrayLike<number>, inferences: number): Eval {
  const F = ious.length;
  let sum = 0;
  let min = 1;
  for (let i = 0; i < F; i++) {
    sum += ious[i];
    min = Math.min(min, ious[i]);
  }
  const iouMean = sum / F;
  const iouP05 = percentile(ious, 5);
  return {
    inferences,
    ratio: inferences / F,
    iouMean,
    iouP05,
    iouMin: min,
    ok: iouMean >= IOU_MEAN_MIN && iouP05 >= IOU_P05_MIN,
  };
}

/** Quality of a schedule (ran[t] = the model ran on frame t; ran[0] must be true), plain reuse. */
export function evaluate(t: Pick<IouTable, 'clip' | 'iou'>, ran: Uint8Array): Eval {
  const F = t.clip.frames;
  const ious = new Float64Array(F);
  let last = 0;
  let inferences = 0;
  for (let f = 0; f < F; f++) {
    if (ran[f]) {
      last = f;
      inferences++;
    }
    const k = f - last;
    ious[f] = k <= W ? t.iou[last * (W + 1) + k] : 0;
  }
  return summarise(ious, inferences);
}

export function strideSchedule(F: number, n: number): Uint8Array {
  const ran = new Uint8Array(F);
  for (let f = 0; f < F; f++) ran[f] = f % n === 0 ? 1 : 0;
  return ran;
}

/** Largest stride (fewest inferences) that meets the quality targets. */
export function bestStride(t: IouTable): { stride: number } & Eval {
  let best = { stride: 1, ...evaluate(t, strideSchedule(t.clip.frames, 1)) };
  for (let n = 2; n <= W; n++) {
    const e = evaluate(t, strideSchedule(t.clip.frames, n));
    if (e.ok && e.inferences < best.inferences) best = { stride: n, ...e };
  }
  return best;
}

/**
 * Offline optimum (approximate): DP over segments "infer at s, reuse up to e" minimising
 * lambda * inferences + sum(1 - IoU), with every reused frame's IoU >= floor; lambda and floor are searched,
 * and the schedule with fewest inferences that meets both targets wins. An upper bound on the true optimum.
 */
export function offlineOptimum(t: IouTable): Eval {
  const F = t.clip.frames;
  let best: Eval | null = null;
  const cost = new Float64Array(F + 1);
  const from = new Int32Array(F + 1);
  for (const floor of [0.85, 0.8, 0.7, 0.6, 0.4, 0]) {
    for (let li = 0; li <= 60; li++) {
      const lambda = 0.05 * 1.15 ** li;
      cost.fill(Number.POSITIVE_INFINITY);
      cost[0] = 0;
      // cost[e] = best cost for frames [0, e); a segment infers at s and shows its mask on s..e-1.
      for (let s = 0; s < F; s++) {
        if (!Number.isFinite(cost[s])) continue;
        let seg = lambda;
        for (let k = 0; k <= W && s + k < F; k++) {
          const v = t.iou[s * (W + 1) + k];
          if (k > 0 && v < floor) break;
          seg += 1 - v;
          const e = s + k + 1;
          if (cost[s] + seg < cost[e]) {
            cost[e] = cost[s] + seg;
            from[e] = s;
          }
        }
      }
      const ran = new Uint8Array(F);
      for (let e = F; e > 0; e = from[e]) ran[from[e]] = 1;
      const ev = evaluate(t, ran);
      if (ev.ok && (!best || ev.inferences < best.inferences)) best = ev;
    }
  }
  return best ?? evaluate(t, strideSchedule(F, 1));
}
