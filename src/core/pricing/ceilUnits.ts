/**
 * Math.ceil that ignores float noise: 45 / 15 or 600 s / 60 can land a hair above the integer
 * (e.g. 0.1 * 30 = 3.0000000000000004), and a plain ceil would bill a whole extra unit or instance for it.
 * Anything within one part in 10^9 above an integer counts as that integer.
 */
export function ceilUnits(x: number): number {
  return Math.ceil(x - 1e-9 * Math.max(1, Math.abs(x)));
}
