/**
 * Moves a one-channel mask (person probability 0..255) by (dx, dy) pixels, rounded to whole pixels, into `out`
 * (same size, not the source). Pixels that come in from beyond the border repeat the nearest edge pixel: a person
 * cut by the bottom of the frame stays cut there when the mask moves up. Allocation-free; a row copy per row.
 */
export function warpMask(
  src: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  dx: number,
  dy: number,
  out: Uint8Array | Uint8ClampedArray,
): void {
  const n = width * height;
  if (src.length < n || out.length < n) throw new RangeError('warpMask: buffer smaller than width * height');
  if (src === out) throw new RangeError('warpMask: out must not be the source');
  const ix = Math.round(dx);
  const iy = Math.round(dy);
  // Columns of out that read inside the source: [x0, x1).
  const x0 = Math.min(width, Math.max(0, ix));
  const x1 = Math.max(x0, Math.min(width, width + ix));
  for (let y = 0; y < height; y++) {
    const sy = Math.min(height - 1, Math.max(0, y - iy));
    const srow = sy * width;
    const orow = y * width;
    if (x1 > x0) out.set(src.subarray(srow + x0 - ix, srow + x1 - ix), orow + x0);
    if (x0 > 0) out.fill(src[srow], orow, orow + x0);
    if (x1 < width) out.fill(src[srow + width - 1], orow + x1, orow + width);
  }
}
