/** A probability mask: Uint8 0..255 (person = value >= 128) or Float32 0..1 (person = value >= 0.5). */
export type ProbabilityMask = Uint8Array | Uint8ClampedArray | Float32Array;

/** The cut that makes a probability mask binary: p >= 0.5, which is byte >= 128 for round(p * 255). */
function personThreshold(m: ProbabilityMask): number {
  return m instanceof Float32Array ? 0.5 : 128;
}

/**
 * Intersection over union of the person areas of two equally sized masks (may mix Uint8 and Float32).
 * Both empty scores 1 (the cached mask was right to show nobody); one empty and the other not scores 0,
 * even for a handful of stray pixels. Allocation-free.
 */
export function iou(a: ProbabilityMask, b: ProbabilityMask): number {
  const n = a.length;
  if (b.length !== n) throw new RangeError(`iou: mask sizes differ (${n} vs ${b.length})`);
  const ta = personThreshold(a);
  const tb = personThreshold(b);
  let inter = 0;
  let union = 0;
  for (let i = 0; i < n; i++) {
    const pa = a[i] >= ta;
    const pb = b[i] >= tb;
    if (pa && pb) inter++;
    if (pa || pb) union++;
  }
  return union === 0 ? 1 : inter / union;
}
