import type { ThumbnailBuffer } from './greyThumbnail';

export interface EdgeWeightOptions {
  /** Weight of cells near the person's outline, where a change moves the mask. */
  edgeWeight: number;
  /** Weight of cells well inside the person (hands in front of the body do not change the mask). */
  interiorWeight: number;
  /** Weight of the background away from the person (someone may walk in there: keep it at 1). */
  backgroundWeight: number;
  /** Cells of margin around the outline that still count as edge (1 cell of 64x48 = 10 px of 640x480). */
  radius: number;
}

/** Share of a cell (0..255) below which it counts as background, and above 255 minus it as person. */
const SURE = 255 * 0.02;

/**
 * Per-cell weights for the motion score from the thumbnail of the last inferred mask (0..255, person = 255,
 * e.g. greyThumbnail of the mask image). A cell is interior when its whole (2r+1)^2 neighbourhood is person,
 * background when it is all background, edge otherwise. Computed once per inference, not per frame.
 */
export function edgeWeights(
  maskThumb: ThumbnailBuffer,
  width: number,
  height: number,
  out: Float32Array,
  opts: EdgeWeightOptions,
): void {
  if (maskThumb.length < width * height || out.length < width * height) {
    throw new RangeError('edgeWeights: buffer smaller than width * height');
  }
  const r = Math.max(0, Math.floor(opts.radius));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let lo = 255;
      let hi = 0;
      const y0 = Math.max(0, y - r);
      const y1 = Math.min(height - 1, y + r);
      const x0 = Math.max(0, x - r);
      const x1 = Math.min(width - 1, x + r);
      for (let yy = y0; yy <= y1; yy++) {
        for (let xx = x0; xx <= x1; xx++) {
          const v = maskThumb[yy * width + xx];
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
      out[y * width + x] =
        lo >= 255 - SURE ? opts.interiorWeight : hi <= SURE ? opts.backgroundWeight : opts.edgeWeight;
    }
  }
}
