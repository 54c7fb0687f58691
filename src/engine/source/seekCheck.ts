/**
 * The pure part of frame-accurate seeking: which frame a media time is, and what to do after a seek from the
 * timestamps of the frames the video showed (see seekFrame).
 */

/** Seeks per frame before the stepper gives up: one, and a few retries when a seek hands over another frame. */
export const MAX_SEEK_ATTEMPTS = 4;

/** The index of the frame whose presentation time is `mediaTime` in a clip at `fps` (times may be rounded, e.g. ms). */
export function frameIndexAt(mediaTime: number, fps: number): number {
  return Math.round(mediaTime * fps);
}

/** What the stepper does next: use the frame shown, look again once a new frame is presented, seek again, give up. */
export type SeekVerdict = 'landed' | 'look-again' | 'seek-again' | 'fail';

export interface SeekReads {
  /** The frame wanted. */
  want: number;
  fps: number;
  /** The media time sought (the middle of frame `want`). */
  target: number;
  /** Timestamps of the frame shown, one per seek made so far (null: none could be read), the newest last. */
  seeks: readonly (number | null)[];
  /** Whether the newest seek's frame was read a second time, after a new frame was presented. */
  lookedAgain: boolean;
}

/**
 * After a seek: the frame shown is used when it is the one wanted. Otherwise it is read once more after the next
 * presented frame (a seek on a loaded machine can report `seeked` before the new frame is current), then sought
 * again, up to MAX_SEEK_ATTEMPTS seeks. A clip whose frames are not at the detected rate (variable frame rate) never
 * shows the index wanted: there the frame is used when every seek showed the very same frame at or before the
 * target, which is as deterministic; anything else fails.
 */
export function seekVerdict(r: SeekReads): SeekVerdict {
  const newest = r.seeks[r.seeks.length - 1] ?? null;
  if (newest !== null && frameIndexAt(newest, r.fps) === r.want) return 'landed';
  if (!r.lookedAgain) return 'look-again';
  if (r.seeks.length < MAX_SEEK_ATTEMPTS) return 'seek-again';
  const steady = newest !== null && newest <= r.target && r.seeks.every((t) => t === newest);
  return steady ? 'landed' : 'fail';
}
