import { DEFAULT_SOURCE_FPS } from '../fold/sourceFps';

/** Used for a stream's duration until the source frame rate has been measured (the one default). */
export const FALLBACK_FPS = DEFAULT_SOURCE_FPS;

/**
 * The frame rate a live stream's duration is priced at (stream seconds = frames / fps), one rule for the cost panel
 * and the fleet telemetry. The source rate is measured over the last second; when the stream pauses it is unknown,
 * and the duration must not jump, so the last measurement sticks. Rounded to 0.1 fps: it is an estimate, and a
 * steady value keeps memoised figures from recomputing on jitter.
 */
export class StreamFps {
  private last: number | null = null;

  /** Takes a new measurement (null or 0 while unknown) and returns the rate to price at. */
  update(measured: number | null): number {
    if (measured !== null && measured > 0) this.last = Math.round(measured * 10) / 10;
    return this.fps;
  }

  get measured(): boolean {
    return this.last !== null;
  }

  get fps(): number {
    return this.last ?? FALLBACK_FPS;
  }
}
