/**
 * Bilinear upsampling of a one-channel mask (0..255) to another size, pixel centres aligned as canvas drawImage and
 * tf.image.resizeBilinear(halfPixelCenters) do. Used to compare masks at the frame's resolution.
 */
export function upsampleBilinear(
  src: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
  out: Uint8Array | Uint8ClampedArray,
  outWidth: number,
  outHeight: number,
): void {
  if (src.length < width * height || out.length < outWidth * outHeight)
    throw new RangeError('upsampleBilinear: buffer too small');
  const sx = width / outWidth;
  const sy = height / outHeight;
  for (let oy = 0; oy < outHeight; oy++) {
    const fy = Math.min(height - 1, Math.max(0, (oy + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(height - 1, y0 + 1);
    const wy = fy - y0;
    for (let ox = 0; ox < outWidth; ox++) {
      const fx = Math.min(width - 1, Math.max(0, (ox + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(width - 1, x0 + 1);
      const wx = fx - x0;
      const top = src[y0 * width + x0] * (1 - wx) + src[y0 * width + x1] * wx;
      const bottom = src[y1 * width + x0] * (1 - wx) + src[y1 * width + x1] * wx;
      out[oy * outWidth + ox] = Math.round(top * (1 - wy) + bottom * wy);
    }
  }
}
