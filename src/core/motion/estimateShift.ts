/** A translation between two thumbnails, in thumbnail cells (fractional). */
export interface Shift {
  dx: number;
  dy: number;
  /** 1 - cost(shift) / cost(no shift): how much better the shift explains the change; 0 when none is taken. */
  gain: number;
}

export interface ShiftOptions {
  /** Largest shift searched, in cells along each axis (4 cells of 64x48 = 40 px of 640x480). */
  radius: number;
  /** A shift is taken only when it lowers the matching cost by this share over no shift (noise guard). */
  minGain: number;
}

export const DEFAULT_SHIFT_OPTIONS: Readonly<ShiftOptions> = Object.freeze({ radius: 4, minGain: 0.15 });

// Matching costs of the last search, (2r+1)^2 entries, and the weighted cells (x, y, index), grown once and
// reused: the per-frame path allocates nothing.
let costs = new Float64Array(81);
let cells = new Int32Array(3 * 64 * 48);

/**
 * Where the weighted content of `ref` moved to in `cur`: block matching of the whole weighted cell set
 * (exhaustive over integer shifts within the radius, weighted mean absolute difference over the cells that stay
 * inside), then a parabola through the neighbours of the best shift for the sub-cell part. Writes `out` and
 * returns it; a shift that does not beat "no shift" by minGain is reported as zero.
 * Cost: (2r+1)^2 x weighted cells, about 0.1 ms for r = 4 and a few hundred cells.
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
  if (cells.length < 3 * n) cells = new Int32Array(3 * n);
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (weights[i] > 0) {
        cells[count++] = x;
        cells[count++] = y;
        cells[count++] = i;
      }
    }
  }
  let best = -1;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let sy = -r; sy <= r; sy++) {
    for (let sx = -r; sx <= r; sx++) {
      let acc = 0;
      let wsum = 0;
      const offset = sy * width + sx;
      for (let k = 0; k < count; k += 3) {
        const x = cells[k] + sx;
        const y = cells[k + 1] + sy;
        if (x < 0 || x >= width || y < 0 || y >= height) continue;
        const i = cells[k + 2];
        const w = weights[i];
        acc += w * Math.abs(cur[i + offset] - ref[i]);
        wsum += w;
      }
      const c = wsum > 0 ? acc / wsum : Number.POSITIVE_INFINITY;
      const i = (sy + r) * side + (sx + r);
      costs[i] = c;
      // Ties go to the shorter shift.
      if (c < bestCost || (c === bestCost && best >= 0 && sx * sx + sy * sy < lengthSq(best, side, r))) {
        bestCost = c;
        best = i;
      }
    }
  }
  const zero = costs[r * side + r];
  out.dx = 0;
  out.dy = 0;
  out.gain = 0;
  if (best < 0 || !Number.isFinite(zero) || zero <= 0) return out;
  const gain = 1 - bestCost / zero;
  if (gain < opts.minGain) return out;
  const bx = (best % side) - r;
  const by = Math.floor(best / side) - r;
  out.dx = bx + subCell(costs, best, 1, bx, r);
  out.dy = by + subCell(costs, best, side, by, r);
  out.gain = gain;
  return out;
}

function lengthSq(i: number, side: number, r: number): number {
  const x = (i % side) - r;
  const y = Math.floor(i / side) - r;
  return x * x + y * y;
}

/** Vertex of the parabola through the best cost and its two neighbours along one axis, within +-0.5. */
function subCell(c: Float64Array, i: number, step: number, at: number, r: number): number {
  if (at <= -r || at >= r) return 0;
  const a = c[i - step];
  const b = c[i];
  const d = c[i + step];
  const den = a - 2 * b + d;
  if (!(den > 0) || !Number.isFinite(a) || !Number.isFinite(d)) return 0;
  return Math.max(-0.5, Math.min(0.5, (0.5 * (a - d)) / den));
}
