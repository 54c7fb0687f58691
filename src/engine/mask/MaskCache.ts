import type { PersonMask } from '../segmenter/segmenterTypes';

/**
 * The mask that skipped frames are composited with: the newest inferred mask, or, with temporal smoothing, an
 * exponential moving average of the inferred masks (weight = share of the new mask; 1 = no smoothing).
 */
export class MaskCache {
  mask: PersonMask | null = null;
  /** Frame index of the newest mask that went into `mask`. */
  frame = -1;
  /** Bumped on every change, so the compositor re-derives its edge only when the mask changed. */
  version = 0;

  put(next: PersonMask, frame: number, weight = 1): void {
    // An inference that started before a newer one finished must not replace a fresher mask.
    if (frame < this.frame) return;
    const prev = this.mask;
    if (weight < 1 && prev && prev.width === next.width && prev.height === next.height) {
      const blended = new Uint8ClampedArray(next.data.length);
      for (let i = 0; i < blended.length; i++)
        blended[i] = weight * next.data[i] + (1 - weight) * prev.data[i];
      this.mask = { data: blended, width: next.width, height: next.height };
    } else {
      this.mask = next;
    }
    this.frame = frame;
    this.version++;
  }

  clear(): void {
    this.mask = null;
    this.frame = -1;
    this.version++;
  }
}
