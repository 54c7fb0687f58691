import { ceilUnits } from './ceilUnits.ts';

export interface FleetInput {
  /** Most streams segmented at the same moment. */
  peakConcurrentStreams: number;
  /** Source frame rate of each stream. */
  fps: number;
  /** Share of frames actually inferred (1 = every frame). */
  inferenceRatio: number;
  /** Frames per second one instance serves. */
  throughputFps: number;
  /** Spare instances kept for failover (N+redundancy). */
  redundancy: number;
}

/**
 * Always-on instances needed for the peak: ceil(peak x fps x inferenceRatio / throughputFps) + redundancy.
 * A hair of float noise above an integer does not buy an extra instance (ceilUnits).
 */
export function fleetInstances(input: FleetInput): number {
  const framesPerSecond = input.peakConcurrentStreams * input.fps * input.inferenceRatio;
  const needed = framesPerSecond > 0 ? ceilUnits(framesPerSecond / input.throughputFps) : 0;
  return needed + input.redundancy;
}

/** Instance-hours of a fleet running 24 h a day for `days` days (billed whether busy or idle). */
export function fleetHours(instances: number, days: number): number {
  return instances * 24 * days;
}
