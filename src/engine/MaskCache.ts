import type { PersonMask } from './segmenterTypes';

/** The newest mask and the frame it was inferred on; skipped frames are composited with it. */
export class MaskCache {
  mask: PersonMask | null = null;
  /** Frame index the mask was inferred on. */
  frame = -1;
  /** Bumped on every new mask, so the compositor re-derives its edge only when the mask changed. */
  version = 0;

  put(mask: PersonMask, frame: number): void {
    // An inference that started before a newer one finished must not replace a fresher mask.
    if (frame < this.frame) return;
    this.mask = mask;
    this.frame = frame;
    this.version++;
  }

  clear(): void {
    this.mask = null;
    this.frame = -1;
    this.version++;
  }
}
