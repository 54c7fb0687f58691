/** What the front compares: both are "more is better". */
export interface FrontCandidate {
  skipRatio: number;
  iouMean: number;
}

/** True when `a` matches or beats `b` on both measures and beats it on at least one. */
export function dominates(a: FrontCandidate, b: FrontCandidate): boolean {
  return (
    a.skipRatio >= b.skipRatio &&
    a.iouMean >= b.iouMean &&
    (a.skipRatio > b.skipRatio || a.iouMean > b.iouMean)
  );
}

/**
 * Indexes of the points no other point dominates (most skipping for its quality), sorted by skipRatio ascending,
 * then by index. Exact duplicates do not dominate each other, so tied points are all on the front: the user sees
 * every setting that reaches that trade-off. O(n²), fine for grids of tens of points.
 */
export function paretoFront(points: readonly FrontCandidate[]): number[] {
  const front: number[] = [];
  points.forEach((p, i) => {
    if (!points.some((q, j) => j !== i && dominates(q, p))) front.push(i);
  });
  return front.sort((a, b) => points[a].skipRatio - points[b].skipRatio || a - b);
}
