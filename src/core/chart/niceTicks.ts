/**
 * Axis ticks at round values (1, 2, 2.5 or 5 times a power of ten) from 0 up to at least `max`, about `count` of
 * them. A chart of costs and rates starts at zero, so only the top is chosen; `max` <= 0 gives [0, 1].
 */
export function niceTicks(max: number, count = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const raw = max / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const n = Math.ceil(max / step - 1e-9);
  // Multiplying (not adding) keeps ticks free of accumulated float error (0.30000000000000004).
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}
