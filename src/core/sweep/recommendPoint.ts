/** The quality bar: mean IoU >= 0.95 and 5th percentile >= 0.85. */
export const DEFAULT_TARGET_IOU = 0.95;
export const DEFAULT_MIN_IOU_P05 = 0.85;

export interface RecommendCandidate {
  skipRatio: number;
  iouMean: number;
  iouP05: number;
}

/**
 * Index of the point that skips the most among those with iouMean >= targetIou and iouP05 >= minIouP05; null when
 * none qualifies. Ties on skipRatio go to the higher iouMean, then the higher iouP05, then the lower index (the
 * earlier grid entry), so the choice is deterministic and never trades quality for nothing.
 */
export function recommendPoint(
  points: readonly RecommendCandidate[],
  targetIou: number = DEFAULT_TARGET_IOU,
  minIouP05: number = DEFAULT_MIN_IOU_P05,
): number | null {
  let best: number | null = null;
  points.forEach((p, i) => {
    if (!(p.iouMean >= targetIou && p.iouP05 >= minIouP05)) return;
    if (best === null) {
      best = i;
      return;
    }
    const b = points[best];
    const better =
      p.skipRatio !== b.skipRatio
        ? p.skipRatio > b.skipRatio
        : p.iouMean !== b.iouMean
          ? p.iouMean > b.iouMean
          : p.iouP05 > b.iouP05;
    if (better) best = i;
  });
  return best;
}
