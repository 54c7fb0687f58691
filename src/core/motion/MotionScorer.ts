import { type EdgeWeightOptions, edgeWeights } from './edgeWeights';
import { THUMB_HEIGHT, THUMB_WIDTH, type ThumbnailBuffer } from './greyThumbnail';
import { meanAbsDiff } from './meanAbsDiff';
import { weightedMeanAbsDiff } from './weightedMeanAbsDiff';

export interface MotionScores {
  /** Weighted score vs the thumbnail of the last inferred frame (0..255); null before the first inference. */
  motion: number | null;
  /** Plain score vs the previous frame (0..255); null on the first frame. */
  sceneChange: number | null;
}

/**
 * Holds the thumbnails the gate's scores need, so the engine's per-frame work is: greyThumbnail(frame, thumb),
 * score(), gate.decide(...), and on an inference noteInference(); when that inference's mask arrives,
 * noteMask(). Until then the previous mask's weights apply (masks move little between two inferences).
 * Allocation-free after construction.
 */
export class MotionScorer {
  /** Write the current frame's grey thumbnail here (greyThumbnail(rgba, w, h, scorer.thumb)) before score(). */
  readonly thumb: Float32Array;
  private readonly prev: Float32Array;
  private readonly reference: Float32Array;
  private readonly weights: Float32Array;
  private hasPrev = false;
  private hasReference = false;
  private readonly scores: MotionScores = { motion: null, sceneChange: null };

  constructor(
    readonly width: number = THUMB_WIDTH,
    readonly height: number = THUMB_HEIGHT,
  ) {
    const n = width * height;
    this.thumb = new Float32Array(n);
    this.prev = new Float32Array(n);
    this.reference = new Float32Array(n);
    this.weights = new Float32Array(n).fill(1);
  }

  /** Scores `thumb`, then remembers it as the previous frame. Returns the same object on every call. */
  score(): Readonly<MotionScores> {
    this.scores.motion = this.hasReference
      ? weightedMeanAbsDiff(this.thumb, this.reference, this.weights)
      : null;
    this.scores.sceneChange = this.hasPrev ? meanAbsDiff(this.thumb, this.prev) : null;
    this.prev.set(this.thumb);
    this.hasPrev = true;
    return this.scores;
  }

  /** The model was started on the frame just scored: it becomes the reference for the motion score. */
  noteInference(): void {
    this.reference.set(this.thumb);
    this.hasReference = true;
  }

  /**
   * The mask of the last inference arrived, as a width x height thumbnail (0..255, person = 255): weight the
   * motion score by where the outline is. Pass null weights options to go back to the plain score.
   */
  noteMask(maskThumb: ThumbnailBuffer, opts: EdgeWeightOptions | null): void {
    if (opts === null) this.weights.fill(1);
    else edgeWeights(maskThumb, this.width, this.height, this.weights, opts);
  }

  reset(): void {
    this.hasPrev = false;
    this.hasReference = false;
    this.weights.fill(1);
  }
}
