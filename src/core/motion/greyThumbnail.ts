/** Default thumbnail size: 64x48 is enough to see a person move and costs well under 1 ms per frame. */
export const THUMB_WIDTH = 64;
export const THUMB_HEIGHT = 48;

/** A grey thumbnail buffer; Float32Array keeps the fractional means, Uint8Array rounds them. */
export type ThumbnailBuffer = Float32Array | Uint8Array | Uint8ClampedArray;

// One row of partial sums, grown once and reused: the per-frame path allocates nothing.
let rowAcc = new Float64Array(THUMB_WIDTH);

/**
 * Area-averaging downscale of an RGBA frame to Rec.601 luma (0..255), written into `out` (outWidth*outHeight).
 * With `channels` 1 the source is already grey (a mask of probabilities 0..255) and is averaged as it is.
 * Each output pixel is the exact mean of the source area it covers; a source pixel that straddles a box edge
 * contributes to both boxes in proportion to its overlap, so non-integer ratios (640x360 -> 64x48) stay exact.
 * Point sampling instead roughly doubles the inferences on near-static clips (sensor noise aliases into "motion").
 */
export function greyThumbnail(
  rgba: Uint8ClampedArray | Uint8Array,
  width: number,
  height: number,
  out: ThumbnailBuffer,
  outWidth: number = THUMB_WIDTH,
  outHeight: number = THUMB_HEIGHT,
  channels: 1 | 4 = 4,
): void {
  if (width <= 0 || height <= 0 || outWidth <= 0 || outHeight <= 0) {
    throw new RangeError('greyThumbnail: sizes must be positive');
  }
  if (rgba.length < width * height * channels) throw new RangeError('greyThumbnail: source buffer too small');
  if (out.length < outWidth * outHeight) throw new RangeError('greyThumbnail: output buffer too small');
  if (rowAcc.length < outWidth) rowAcc = new Float64Array(outWidth);
  const sx = width / outWidth;
  const sy = height / outHeight;
  if (Number.isInteger(sx) && Number.isInteger(sy)) {
    blockAverage(rgba, width, out, outWidth, outHeight, sx, sy, channels);
    return;
  }
  const inv = 1 / (sx * sy);
  const rounds = !(out instanceof Float32Array);
  for (let oy = 0; oy < outHeight; oy++) {
    rowAcc.fill(0, 0, outWidth);
    const y0 = oy * sy;
    const y1 = y0 + sy;
    const iy1 = Math.min(height, Math.ceil(y1));
    for (let iy = Math.floor(y0); iy < iy1; iy++) {
      const wy = Math.min(iy + 1, y1) - Math.max(iy, y0);
      if (wy <= 0) continue;
      const row = iy * width * channels;
      for (let ox = 0; ox < outWidth; ox++) {
        const x0 = ox * sx;
        const x1 = x0 + sx;
        const ix1 = Math.min(width, Math.ceil(x1));
        let acc = 0;
        for (let ix = Math.floor(x0); ix < ix1; ix++) {
          const wx = Math.min(ix + 1, x1) - Math.max(ix, x0);
          if (wx <= 0) continue;
          const p = row + ix * channels;
          acc +=
            wx * (channels === 1 ? rgba[p] : 0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2]);
        }
        rowAcc[ox] += wy * acc;
      }
    }
    const base = oy * outWidth;
    for (let ox = 0; ox < outWidth; ox++) {
      const v = rowAcc[ox] * inv;
      out[base + ox] = rounds ? Math.round(v) : v;
    }
  }
}

/**
 * greyThumbnail's integer-ratio case (the FrameSampler's 64x48 draw at ratio 1, a 640x480 mask at 10x): whole
 * blocks, no overlap weights, a fraction of the general loop's work. Same means up to float rounding.
 */
function blockAverage(
  src: Uint8ClampedArray | Uint8Array,
  width: number,
  out: ThumbnailBuffer,
  outWidth: number,
  outHeight: number,
  sx: number,
  sy: number,
  channels: 1 | 4,
): void {
  const inv = 1 / (sx * sy);
  const rounds = !(out instanceof Float32Array);
  const stride = width * channels;
  for (let oy = 0; oy < outHeight; oy++) {
    rowAcc.fill(0, 0, outWidth);
    for (let iy = oy * sy; iy < (oy + 1) * sy; iy++) {
      let p = iy * stride;
      for (let ox = 0; ox < outWidth; ox++) {
        let r = 0;
        let g = 0;
        let b = 0;
        if (channels === 4) {
          for (let k = 0; k < sx; k++, p += 4) {
            r += src[p];
            g += src[p + 1];
            b += src[p + 2];
          }
          rowAcc[ox] += 0.299 * r + 0.587 * g + 0.114 * b;
        } else {
          for (let k = 0; k < sx; k++, p++) r += src[p];
          rowAcc[ox] += r;
        }
      }
    }
    const base = oy * outWidth;
    for (let ox = 0; ox < outWidth; ox++) {
      const v = rowAcc[ox] * inv;
      out[base + ox] = rounds ? Math.round(v) : v;
    }
  }
}
