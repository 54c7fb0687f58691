import type { ThumbnailBuffer } from './greyThumbnail';

/**
 * sum(w * |a - b|) / n: the plain mean absolute difference when every weight is 1, so thresholds keep
 * their 0..255 meaning; weights from edgeWeights() make change at the person's outline count more.
 */
export function weightedMeanAbsDiff(a: ThumbnailBuffer, b: ThumbnailBuffer, weights: Float32Array): number {
  const n = a.length;
  if (b.length !== n || weights.length !== n) {
    throw new RangeError(`weightedMeanAbsDiff: lengths ${n}, ${b.length}, ${weights.length}`);
  }
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i] * Math.abs(a[i] - b[i]);
  return sum / n;
}
