import { iou } from './iou';
import { upsampleBilinear } from './upsampleBilinear';

/** A probability mask (0..255) at the model's resolution. */
export interface MaskLike {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/** A frame as it was displayed live: which source frame it was, and the mask composited on it (null: none yet). */
export interface ShownFrame {
  index: number;
  mask: MaskLike | null;
}

/**
 * IoU of each displayed frame's mask against the reference mask of the same source frame, both upsampled to the
 * frame's resolution and cut at probability 0.5 (as the frame-stepped bench scores). A frame shown before any mask
 * counts as an empty mask; a frame with no reference is left out.
 */
export function shownFrameIous(
  shown: readonly ShownFrame[],
  references: readonly (MaskLike | null | undefined)[],
  width: number,
  height: number,
): number[] {
  const a = new Uint8Array(width * height);
  const b = new Uint8Array(width * height);
  const scores: number[] = [];
  for (const frame of shown) {
    const reference = references[frame.index];
    if (!reference) continue;
    upsampleBilinear(reference.data, reference.width, reference.height, b, width, height);
    if (frame.mask) upsampleBilinear(frame.mask.data, frame.mask.width, frame.mask.height, a, width, height);
    else a.fill(0);
    scores.push(iou(a, b));
  }
  return scores;
}
