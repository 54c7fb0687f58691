/**
 * How far a better rigid warp could take motion-compensated reuse: `npx tsx scripts/warpCeiling.ts`
 * (SEGMETER_STUDY_CACHE=DIR for a `bench --dump` cache, as gateBounds.ts). For pairs of frames (s, s + k), every 15th
 * s and k of 3, 6 and 10, it scores the IoU of frame s's mask moved onto frame s + k's by:
 *   unmoved        the plain cached mask
 *   app shift      the shift the app's ShiftTracker estimates from s to s + k on the thumbnails (frame by frame)
 *   best shift     the translation that fits best, chosen knowing frame s + k's mask (a bound on any translation)
 *   best + scale   the same with a zoom about the mask's centroid (0.92 to 1.08): a bound on a similarity warp
 * Masks are scored at 160x120 (4x4 majority), so a search costs seconds. If the best rows sit close to the app's
 * shift, the staleness left is not rigid motion, and a better warp cannot lower the inferences the gate needs.
 */
import { DEFAULT_GATE_SETTINGS } from '../src/core/gate/gateSettings';
import { THUMB_HEIGHT, THUMB_WIDTH } from '../src/core/motion/greyThumbnail';
import { ShiftTracker } from '../src/core/motion/ShiftTracker';
import { type ClipCache, MASK_WORDS } from './gateStudyCache';
import { thumbOf } from './gateStudyTables';
import { loadDerivedClips, loadSharedClips } from './studyClips';
import { maskThumb255 } from './targetSim';

const FACTOR = 4;
const DW = 640 / FACTOR;
const DH = 480 / FACTOR;
const STARTS_EVERY = 15;
const GAPS = [3, 6, 10];
const SCALES = [0.92, 0.96, 1, 1.04, 1.08];
const REACH_X = 10;
const REACH_Y = 8;

/** Frame f's mask at DW x DH: a cell is person when at least half its pixels are. */
function smallMask(clip: ClipCache, f: number): Uint8Array {
  const out = new Uint8Array(DW * DH);
  const o = f * MASK_WORDS;
  for (let y = 0; y < DH; y++)
    for (let x = 0; x < DW; x++) {
      let n = 0;
      for (let yy = 0; yy < FACTOR; yy++)
        for (let xx = 0; xx < FACTOR; xx++) {
          const i = (y * FACTOR + yy) * 640 + x * FACTOR + xx;
          n += (clip.masks[o + (i >>> 5)] >>> (i & 31)) & 1;
        }
      out[y * DW + x] = n * 2 >= FACTOR * FACTOR ? 1 : 0;
    }
  return out;
}

/** IoU of `a` scaled by `s` about (cx, cy), then moved by (dx, dy), with `b`. */
function movedIou(
  a: Uint8Array,
  b: Uint8Array,
  dx: number,
  dy: number,
  s: number,
  cx: number,
  cy: number,
): number {
  let inter = 0;
  let union = 0;
  for (let y = 0; y < DH; y++)
    for (let x = 0; x < DW; x++) {
      const sx = Math.round((x - dx - cx) / s + cx);
      const sy = Math.round((y - dy - cy) / s + cy);
      const av = sx >= 0 && sx < DW && sy >= 0 && sy < DH && a[sy * DW + sx] === 1;
      const bv = b[y * DW + x] === 1;
      if (av && bv) inter++;
      if (av || bv) union++;
    }
  return union === 0 ? 1 : inter / union;
}

/** The best IoU over the translations within reach, for each scale in `scales`. */
function bestMove(a: Uint8Array, b: Uint8Array, scales: number[], cx: number, cy: number): number {
  let best = 0;
  for (const s of scales)
    for (let dy = -REACH_Y; dy <= REACH_Y; dy++)
      for (let dx = -REACH_X; dx <= REACH_X; dx++) best = Math.max(best, movedIou(a, b, dx, dy, s, cx, cy));
  return best;
}

function study(clip: ClipCache): Record<'unmoved' | 'app' | 'shift' | 'scale', number> & { pairs: number } {
  const sums = { unmoved: 0, app: 0, shift: 0, scale: 0, pairs: 0 };
  const tracker = new ShiftTracker(THUMB_WIDTH, THUMB_HEIGHT, undefined, DEFAULT_GATE_SETTINGS.edgeRadius);
  const mask255 = new Float32Array(THUMB_WIDTH * THUMB_HEIGHT);
  const last = Math.max(...GAPS);
  for (let s = 0; s + last < clip.frames; s += STARTS_EVERY) {
    const a = smallMask(clip, s);
    let cx = 0;
    let cy = 0;
    let count = 0;
    for (let i = 0; i < a.length; i++)
      if (a[i]) {
        cx += i % DW;
        cy += Math.floor(i / DW);
        count++;
      }
    if (count === 0) continue;
    cx /= count;
    cy /= count;
    tracker.noteInference(thumbOf(clip, s));
    tracker.noteMask(maskThumb255(clip, s, mask255));
    for (let k = 1; k <= last; k++) {
      tracker.estimate(thumbOf(clip, s + k));
      if (!GAPS.includes(k)) continue;
      const b = smallMask(clip, s + k);
      const px = tracker.pixels(DW, DH);
      sums.unmoved += movedIou(a, b, 0, 0, 1, cx, cy);
      sums.app += movedIou(a, b, Math.round(px.dx), Math.round(px.dy), 1, cx, cy);
      sums.shift += bestMove(a, b, [1], cx, cy);
      sums.scale += bestMove(a, b, SCALES, cx, cy);
      sums.pairs++;
    }
  }
  const n = Math.max(1, sums.pairs);
  return {
    unmoved: sums.unmoved / n,
    app: sums.app / n,
    shift: sums.shift / n,
    scale: sums.scale / n,
    pairs: sums.pairs,
  };
}

async function main(): Promise<void> {
  const clips = [...(await loadSharedClips()), ...(await loadDerivedClips())];
  console.log('clip                          pairs  unmoved  app shift  best shift  best + scale');
  for (const { t } of clips) {
    const r = study(t.clip);
    const f = (v: number) => v.toFixed(4).padStart(9);
    console.log(
      `${t.clip.name.padEnd(30)}${String(r.pairs).padStart(5)}${f(r.unmoved)}${f(r.app)}   ${f(r.shift)}   ${f(r.scale)}`,
    );
  }
}

await main();
