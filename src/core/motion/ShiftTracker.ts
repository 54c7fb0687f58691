import {
  DEFAULT_SHIFT_OPTIONS,
  estimateShift,
  type Shift,
  ShiftCells,
  type ShiftOptions,
} from './estimateShift';
import { THUMB_HEIGHT, THUMB_WIDTH, type ThumbnailBuffer } from './greyThumbnail';
import { shiftWeights } from './shiftWeights';

/**
 * Motion-compensated reuse for the engine, beside the MotionScorer: remembers the thumbnail of the last inferred
 * frame and where its mask's outline is, and on each frame estimates how far the person moved since, so that the
 * cached mask can be shown moved (warpMask) and the gate can discount the motion the move explains.
 * Per frame: estimate(thumb) -> shift (cells; pixels(w, h) for warpMask). When a fresh mask enters the cache:
 * noteInference(thumbnail of the frame it was inferred on) and noteMask(its thumbnail), together: the shift is
 * always measured from the frame of the mask on screen (live, a mask arrives frames after its inference started;
 * until then the old mask keeps being moved from its own frame). Allocation-free after construction.
 */
export class ShiftTracker {
  /** The latest estimate, in thumbnail cells; zero until a reference and a mask are known. */
  readonly shift: Shift = { dx: 0, dy: 0, gain: 0 };
  private readonly reference: Float32Array;
  private readonly weights: Float32Array;
  private readonly cells: ShiftCells;
  private hasReference = false;

  constructor(
    readonly width: number = THUMB_WIDTH,
    readonly height: number = THUMB_HEIGHT,
    readonly options: Readonly<ShiftOptions> = DEFAULT_SHIFT_OPTIONS,
    /** Cells around the outline that carry the match (as edgeRadius). */
    readonly radius = 2,
  ) {
    this.reference = new Float32Array(width * height);
    this.weights = new Float32Array(width * height);
    this.cells = new ShiftCells(width, height);
  }

  /** The cached mask is now the one inferred on the frame whose thumbnail this is: shifts are measured from it. */
  noteInference(thumb: ThumbnailBuffer): void {
    this.reference.set(thumb.subarray(0, this.reference.length));
    this.hasReference = true;
    this.clear();
  }

  /** The mask of the last inference arrived, as a thumbnail (0..255, person = 255). */
  noteMask(maskThumb: ThumbnailBuffer): void {
    shiftWeights(maskThumb, this.width, this.height, this.weights, this.radius);
    this.cells.set(this.weights);
  }

  /** Estimates the shift of the person from the reference frame to this frame's thumbnail. */
  estimate(thumb: ThumbnailBuffer): Readonly<Shift> {
    if (!this.hasReference) return this.clear();
    // The shift still holds the previous frame's estimate: it orders the search (see estimateShift).
    return estimateShift(this.reference, thumb, this.cells, this.shift, this.options);
  }

  /** The motion score less `share` (0..1) of the part the latest shift explains (null stays null). */
  residual(motion: number | null, share: number): number | null {
    return motion === null ? null : motion * (1 - Math.min(1, Math.max(0, share)) * this.shift.gain);
  }

  /** The latest shift in pixels of a mask of the given size (for warpMask). */
  pixels(maskWidth: number, maskHeight: number): { dx: number; dy: number } {
    return {
      dx: (this.shift.dx * maskWidth) / this.width,
      dy: (this.shift.dy * maskHeight) / this.height,
    };
  }

  reset(): void {
    this.hasReference = false;
    this.cells.set(this.weights.fill(0));
    this.clear();
  }

  private clear(): Shift {
    this.shift.dx = 0;
    this.shift.dy = 0;
    this.shift.gain = 0;
    return this.shift;
  }
}
