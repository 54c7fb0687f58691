import { warpMask } from '../../core/mask/warpMask';
import type { PersonMask } from '../segmenter/segmenterTypes';

/**
 * The mask that skipped frames are composited with: the newest inferred mask, or, with temporal smoothing, an
 * exponential moving average of the inferred masks (weight = share of the new mask; 1 = no smoothing), shown
 * moved by the person's shift since its frame when warping (show). The inferred mask is kept apart from the one
 * on screen, so every warp starts from the inferred mask, never from an already-moved one.
 */
export class MaskCache {
  /** The mask on screen: the inferred one, moved by `shift` when warping. */
  mask: PersonMask | null = null;
  /** The newest inferred (or smoothed) mask, never warped. */
  inferred: PersonMask | null = null;
  /** Frame index of the newest mask that went into `mask`. */
  frame = -1;
  /** Bumped on every change, so the compositor re-derives its edge only when the mask changed. */
  version = 0;
  /** Whole pixels (of the mask) by which `mask` is moved from `inferred`. */
  private dx = 0;
  private dy = 0;

  put(next: PersonMask, frame: number, weight = 1): void {
    // An inference that started before a newer one finished must not replace a fresher mask.
    if (frame < this.frame) return;
    // Blended with the mask on screen: when warping it is already where the person is now.
    const prev = this.mask;
    if (weight < 1 && prev && prev.width === next.width && prev.height === next.height) {
      const blended = new Uint8ClampedArray(next.data.length);
      for (let i = 0; i < blended.length; i++)
        blended[i] = weight * next.data[i] + (1 - weight) * prev.data[i];
      this.inferred = { data: blended, width: next.width, height: next.height };
    } else {
      this.inferred = next;
    }
    this.mask = this.inferred;
    this.dx = 0;
    this.dy = 0;
    this.frame = frame;
    this.version++;
  }

  /**
   * Shows the inferred mask moved by (dx, dy) whole pixels of the mask. A new array only when the shift changes:
   * the previous one may still be held (an inference compares it with its fresh mask when that arrives).
   */
  show(dx: number, dy: number): void {
    const src = this.inferred;
    if (!src || (dx === this.dx && dy === this.dy)) return;
    if (dx === 0 && dy === 0) this.mask = src;
    else {
      const data = new Uint8ClampedArray(src.width * src.height);
      warpMask(src.data, src.width, src.height, dx, dy, data);
      this.mask = { data, width: src.width, height: src.height };
    }
    this.dx = dx;
    this.dy = dy;
    this.version++;
  }

  clear(): void {
    this.mask = null;
    this.inferred = null;
    this.dx = 0;
    this.dy = 0;
    this.frame = -1;
    this.version++;
  }
}
