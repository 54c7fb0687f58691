import type { ThumbnailBuffer } from './greyThumbnail';

/** Share of a cell (0..255) below which it holds no person, and above 255 minus it only person. */
const SURE = 255 * 0.02;

/**
 * Per-cell weights for estimateShift from the thumbnail of the last inferred mask (0..255, person = 255): cells
 * within `radius` cells of the outline, weighted by the person share they hold. The person's side of the outline
 * moves with the person, while the background beside it does not, so it is left out. Written into `out`;
 * returns the number of cells with a weight above zero. Computed once per inference, not per frame.
 */
export function shiftWeights(
  maskThumb: ThumbnailBuffer,
  width: number,
  height: number,
  out: Float32Array,
  radius: number,
): number {
  if (maskThumb.length < width * height || out.length < width * height) {
    throw new RangeError('shiftWeights: buffer smaller than width * height');
  }
  const r = Math.max(0, Math.floor(radius));
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = maskThumb[y * width + x];
      let w = 0;
      if (v > SURE) {
        let lo = 255;
        const y0 = Math.max(0, y - r);
        const y1 = Math.min(height - 1, y + r);
        const x0 = Math.max(0, x - r);
        const x1 = Math.min(width - 1, x + r);
        for (let yy = y0; yy <= y1 && lo > SURE; yy++) {
          for (let xx = x0; xx <= x1; xx++) {
            const m = maskThumb[yy * width + xx];
            if (m < lo) lo = m;
          }
        }
        // Near the outline when some neighbour is not all person.
        if (lo < 255 - SURE) w = v / 255;
      }
      out[y * width + x] = w;
      if (w > 0) count++;
    }
  }
  return count;
}
