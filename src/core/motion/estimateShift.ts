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

// Matching costs by shift ((2r+1)^2, NaN = not computed) and the weighted cells (x, y, index), grown once and
// reused: the per-frame path allocates nothing.
let costs = new Float64Array(81);
let cells = new Int32Array(3 * 64 * 48);
let cellCount = 0;
let weightTotal = 0;

/**
 * Where the weighted content of `ref` moved to in `cur`: block matching of the whole weighted cell set (weighted
 * mean absolute difference over the cells that stay inside), searched coarse to fine (every second shift within
 * the radius, then hill-climbing by single cells), then a parabola through the neighbours of the best shift for
 * the sub-cell part. Writes `out` and returns it; a shift that does not beat "no shift" by minGain is reported as
 * zero. Cost: about (r + 1)^2 + 9 shifts x weighted cells, well under 0.1 ms for r = 6 and a few hundred cells.
 */
export function estimateShift(
  ref: ArrayLike<number>,
  cur: ArrayLike<number>,
  weights: Float32Array,
  width: number,
  height: number,
  out: Shift,
  opts: Readonly<ShiftOptions> = DEFAULT_SHIFT_OPTIONS,
): Shift {
  const n = width * height;
  if (ref.length < n || cur.length < n || weights.length < n) {
    throw new RangeError('estimateShift: buffer smaller than width * height');
  }
  const r = Math.max(0, Math.floor(opts.radius));
  const side = 2 * r + 1;
  if (costs.length < side * side) costs = new Float64Array(side * side);
  costs.fill(Number.NaN, 0, side * side);
  if (cells.length < 3 * n) cells = new Int32Array(3 * n);
  cellCount = 0;
  weightTotal = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (weights[i] > 0) {
        cells[cellCount++] = x;
        cells[cellCount++] = y;
        cells[cellCount++] = i;
        weightTotal += weights[i];
      }
    }
  }
  out.dx = 0;
  out.dy = 0;
  out.gain = 0;
  const zero = cost(ref, cur, weights, width, height, r, 0, 0);
  if (!Number.isFinite(zero) || zero <= 0) return out;
  let bx = 0;
  let by = 0;
  let best = zero;
  for (let sy = -r + (r % 2); sy <= r; sy += 2) {
    for (let sx = -r + (r % 2); sx <= r; sx += 2) {
      const c = cost(ref, cur, weights, width, height, r, sx, sy, best);
      if (c < best) {
        best = c;
        bx = sx;
        by = sy;
      }
    }
  }
  // Hill-climb by single cells until the best has no better neighbour (bounded: each move lowers the cost).
  for (let moved = true; moved; ) {
    moved = false;
    const cx = bx;
    const cy = by;
    for (let sy = Math.max(-r, cy - 1); sy <= Math.min(r, cy + 1); sy++) {
      for (let sx = Math.max(-r, cx - 1); sx <= Math.min(r, cx + 1); sx++) {
        const c = cost(ref, cur, weights, width, height, r, sx, sy, best);
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
    if (nx >= -r && nx <= r && ny >= -r && ny <= r) cost(ref, cur, weights, width, height, r, nx, ny);
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
 */
function cost(
  ref: ArrayLike<number>,
  cur: ArrayLike<number>,
  weights: Float32Array,
  width: number,
  height: number,
  r: number,
  sx: number,
  sy: number,
  above = Number.POSITIVE_INFINITY,
): number {
  const slot = (sy + r) * (2 * r + 1) + (sx + r);
  const known = costs[slot];
  if (!Number.isNaN(known)) return known;
  const limit = above * weightTotal;
  let acc = 0;
  let wsum = 0;
  const offset = sy * width + sx;
  for (let k = 0; k < cellCount; k += 3) {
    const x = cells[k] + sx;
    const y = cells[k + 1] + sy;
    if (x < 0 || x >= width || y < 0 || y >= height) continue;
    const i = cells[k + 2];
    const w = weights[i];
    acc += w * Math.abs(cur[i + offset] - ref[i]);
    wsum += w;
    if (acc > limit) return Number.POSITIVE_INFINITY;
  }
  const c = wsum > 0 ? acc / wsum : Number.POSITIVE_INFINITY;
  costs[slot] = c;
  return c;
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
