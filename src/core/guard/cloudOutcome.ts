/** How the simulated cloud API behaves: a latency with jitter, a failure rate, and the client's time-out. */
export interface CloudProfile {
  /** Mean round trip, ms. */
  latencyMs: number;
  /** Uniform jitter around the mean, +/- ms. */
  jitterMs: number;
  /** Share of requests that fail (an HTTP 5xx after the round trip), 0..1. */
  failureRate: number;
  /** The client gives up after this long; a round trip longer than it is a time-out. */
  timeoutMs: number;
}

export type CloudOutcome =
  | { kind: 'ok'; latencyMs: number }
  | { kind: 'error'; latencyMs: number; message: string }
  | { kind: 'timeout'; timeoutMs: number };

/** Throws a RangeError listing every bad field. */
export function checkCloudProfile(profile: CloudProfile): CloudProfile {
  const errors: string[] = [];
  if (!(profile.latencyMs >= 0)) errors.push('latencyMs: must be >= 0');
  if (!(profile.jitterMs >= 0)) errors.push('jitterMs: must be >= 0');
  if (!(profile.failureRate >= 0 && profile.failureRate <= 1))
    errors.push('failureRate: must be within 0..1');
  if (!(profile.timeoutMs > 0) || !Number.isFinite(profile.timeoutMs)) errors.push('timeoutMs: must be > 0');
  if (errors.length > 0) throw new RangeError(errors.join('; '));
  return profile;
}

/**
 * What happens to one request. Always draws exactly two numbers from `random`, so the n-th request of a seeded run
 * has the same fate whatever happened to the others.
 */
export function drawCloudOutcome(profile: CloudProfile, random: () => number): CloudOutcome {
  const latencyMs = Math.max(0, profile.latencyMs + (2 * random() - 1) * profile.jitterMs);
  const failed = random() < profile.failureRate;
  if (latencyMs > profile.timeoutMs) return { kind: 'timeout', timeoutMs: profile.timeoutMs };
  if (failed) return { kind: 'error', latencyMs, message: 'HTTP 503 Service Unavailable' };
  return { kind: 'ok', latencyMs };
}
