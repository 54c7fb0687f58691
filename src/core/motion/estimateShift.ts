import type { ThumbnailBuffer } from './greyThumbnail';

/** A translation between two thumbnails, in thumbnail cells (fractional). */
export interface Shift {
  dx: number;
  dy: number;
  /** 1 - cost(shift) / cost(no shift): how much better the shift explains the change; 0 when none is taken. */
  gain: number;
}

export interface ShiftOptions {
  /** Largest shift searched, in cells along each axis (6 cells of 64x48 = 60 px of 640x480). */
  radius: number;
  /** A shift is taken only when it lowers the matching cost by this share over no shift (noise guard). */
  minGain: number;
}

export const DEFAULT_SHIFT_OPTIONS: Readonly<ShiftOptions> = Object.freeze({ radius: 6, minGain: 0.15 });

/**
 * The weighted cells estimateShift matches (the outline band of the inferred mask, from shiftWeights), in row-major
 * order with each row's first cell, so that a shift's cells that leave the frame at the top or bottom are a prefix
 * or suffix of the list. Prepared once per mask, not per frame.
 */
export class ShiftCells {
  readonly index: Int32Array;
  readonly x: Int32Array;
  readonly weight: Float64Array;
  /** rowFirst[y]: the first cell in row y or below; rowFirst[height] is the count. */
  readonly rowFirst: Int32Array;
  count = 0;
  /** The sum of the weights, in row-major order. */
  total = 0;
  minX = 0;
  maxX = -1;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.index = new Int32Array(width * height);
    this.x = new Int32Array(width * height);
    this.weight = new Float64Array(width * height);
    this.rowFirst = new Int32Array(height + 1);
  }

  /** Keeps the cells whose weight (width x height, as shiftWeights writes them) is above zero. */
  set(weights: Float32Array): this {
    const { width, height } = this;
    if (weights.length < width * height)
      throw new RangeError('ShiftCells: weights smaller than width * height');
    this.count = 0;
    this.total = 0;
    this.minX = width;
    this.maxX = -1;
    for (let y = 0; y < height; y++) {
      this.rowFirst[y] = this.count;
      for (let x = 0; x < width; x++) {
        const w = weights[y * width + x];
        if (!(w > 0)) continue;
        this.index[this.count] = y * width + x;
        this.x[this.count] = x;
        this.weight[this.count++] = w;
        this.total += w;
        if (x < this.minX) this.minX = x;
        if (x > this.maxX) this.maxX = x;
      }
    }
    this.rowFirst[height] = this.count;
    return this;
  }
}

// Matching costs by shift ((2r+1)^2, NaN = not computed), grown once and reused: the per-frame path allocates nothing.
let costs = new Float64Array(81);

/**
 * Where the weighted content of `ref` moved to in `cur`: block matching of the whole weighted cell set (weighted
 * mean absolute difference over the cells that stay inside), searched coarse to fine (every second shift within
 * the radius, then hill-climbing by single cells), then a parabola through the neighbours of the best shift for
 * the sub-cell part. Writes `out` and returns it; a shift that does not beat "no shift" by minGain is reported as
 * zero. The shift `out` held before (the previous frame's) only orders the coarse search, nearest first, so that
 * the costs of the others are abandoned early; the result is the raster-order search's, ties included.
 * Cost (session 24, Node, the six study clips' own thumbnails, a mask every 5th to 30th frame): 0.008-0.08 ms a
 * frame, 2x faster than with the cells rebuilt per frame and every bound checked (0.019-0.13 ms), shifts unchanged.
 * Tried and dropped: hill-climbing from the previous shift alone, without the coarse grid (2.5x faster, but the
 * target gate's simulated inferences per frame rose: signer 0.107 -> 0.113, walk 0.106 -> 0.111, scene_cuts 0.503
 * -> 0.517, scripts/targetSim.ts on the app's own data); visiting the cells interleaved (slower).
 */
export function estimateShift(
  ref: ThumbnailBuffer,
  cur: ThumbnailBuffer,
  cells: ShiftCells,
  out: Shift,
  opts: Readonly<ShiftOptions> = DEFAULT_SHIFT_OPTIONS,
): Shift {
  const { width, height } = cells;
  if (ref.length < width * height || cur.length < width * height) {
    throw new RangeError('estimateShift: buffer smaller than width * height');
  }
  const r = Math.max(0, Math.floor(opts.radius));
  const side = 2 * r + 1;
  if (costs.length < side * side) costs = new Float64Array(side * side);
  costs.fill(Number.NaN, 0, side * side);
  const first = -r + (r % 2);
  const hx = nearestOnGrid(out.dx, first, r);
  const hy = nearestOnGrid(out.dy, first, r);
  out.dx = 0;
  out.dy = 0;
  out.gain = 0;
  const zero = cost(ref, cur, cells, r, 0, 0);
  if (!Number.isFinite(zero) || zero <= 0) return out;
  let bx = 0;
  let by = 0;
  let best = zero;
  // The grid point nearest the previous shift first, then the rest in raster order. An equal cost goes to the
  // earlier point in raster order, as a plain raster scan would choose, except that no shift ties "no shift" out.
  const perAxis = r + 1 - (r % 2);
  for (let k = -1; k < perAxis * perAxis; k++) {
    const sx = k < 0 ? hx : first + 2 * (k % perAxis);
    const sy = k < 0 ? hy : first + 2 * Math.floor(k / perAxis);
    if (k >= 0 && sx === hx && sy === hy) continue;
    const c = cost(ref, cur, cells, r, sx, sy, best);
    const earlier = sy < by || (sy === by && sx < bx);
    if (c < best || (c === best && earlier && (bx !== 0 || by !== 0))) {
      best = c;
      bx = sx;
      by = sy;
    }
  }
  // Hill-climb by single cells until the best has no better neighbour (bounded: each move lowers the cost).
  for (let moved = true; moved; ) {
    moved = false;
    const cx = bx;
    const cy = by;
    for (let sy = Math.max(-r, cy - 1); sy <= Math.min(r, cy + 1); sy++) {
      for (let sx = Math.max(-r, cx - 1); sx <= Math.min(r, cx + 1); sx++) {
        const c = cost(ref, cur, cells, r, sx, sy, best);
        if (c < best || (c === best && sx * sx + sy * sy < bx * bx + by * by)) {
          moved = moved || sx !== bx || sy !== by;
          best = c;
          bx = sx;
          by = sy;
        }
      }
    }
  }
  const gain = 1 - best / zero;
  if (gain < opts.minGain) return out;
  // The parabola needs the neighbours' exact costs (a search may have abandoned them as worse than its best).
  for (const [nx, ny] of [
    [bx - 1, by],
    [bx + 1, by],
    [bx, by - 1],
    [bx, by + 1],
  ]) {
    if (nx >= -r && nx <= r && ny >= -r && ny <= r) cost(ref, cur, cells, r, nx, ny);
  }
  const at = (by + r) * side + (bx + r);
  out.dx = bx + subCell(at, 1, bx, r);
  out.dy = by + subCell(at, side, by, r);
  out.gain = gain;
  return out;
}

/**
 * Weighted mean absolute difference of ref against cur shifted by (sx, sy), memoised in `costs`. With `above`, a
 * shift whose cost is sure to exceed it (its sum already does over all the weight) is abandoned: +Infinity, not
 * memoised. The outcome of the search is the same; the typical frame reads a fraction of the cells per shift.
 * Cells that leave the frame are left out: rows by range, columns by a check only when the cells reach an edge.
 */
function cost(
  ref: ThumbnailBuffer,
  cur: ThumbnailBuffer,
  cells: ShiftCells,
  r: number,
  sx: number,
  sy: number,
  above = Number.POSITIVE_INFINITY,
): number {
  const slot = (sy + r) * (2 * r + 1) + (sx + r);
  const known = costs[slot];
  if (!Number.isNaN(known)) return known;
  const { width, height, index, x, weight, rowFirst } = cells;
  const limit = above * cells.total;
  const offset = sy * width + sx;
  const end = rowFirst[Math.min(height, height - sy)];
  const inside = cells.minX + sx >= 0 && cells.maxX + sx < width;
  let acc = 0;
  let wsum = 0;
  for (let k = rowFirst[Math.max(0, -sy)]; k < end; k++) {
    if (!inside && (x[k] + sx < 0 || x[k] + sx >= width)) continue;
    const i = index[k];
    const w = weight[k];
    acc += w * Math.abs(cur[i + offset] - ref[i]);
    wsum += w;
    if (acc > limit) return Number.POSITIVE_INFINITY;
  }
  const c = wsum > 0 ? acc / wsum : Number.POSITIVE_INFINITY;
  costs[slot] = c;
  return c;
}

/** The point of the coarse grid (first, first + 2, ... up to r) nearest v (the centre when v is not a number). */
function nearestOnGrid(v: number, first: number, r: number): number {
  const at = Number.isFinite(v) ? v : 0;
  return Math.min(r, Math.max(first, first + 2 * Math.round((at - first) / 2)));
}

/** Vertex of the parabola through the best cost and its two neighbours along one axis, within +-0.5. */
function subCell(i: number, step: number, at: number, r: number): number {
  if (at <= -r || at >= r) return 0;
  const a = costs[i - step];
  const b = costs[i];
  const d = costs[i + step];
  const den = a - 2 * b + d;
  if (!(den > 0) || !Number.isFinite(a) || !Number.isFinite(d)) return 0;
  return Math.max(-0.5, Math.min(0.5, (0.5 * (a - d)) / den));
}
