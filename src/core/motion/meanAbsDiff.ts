import type { ThumbnailBuffer } from './greyThumbnail';

/** Mean absolute difference of two equally sized grey thumbnails, 0..255. Allocation-free. */
export function meanAbsDiff(a: ThumbnailBuffer, b: ThumbnailBuffer): number {
  const n = a.length;
  if (b.length !== n) throw new RangeError(`meanAbsDiff: length ${n} vs ${b.length}`);
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(a[i] - b[i]);
  return sum / n;
}
