import type { GateReason, SegmentationMode } from '../../core/frameEvent';
import type { BudgetPermit } from '../gate/InferencePermits';
import type { PersonMask } from '../segmenter/segmenterTypes';

/** What one frame did, for replay and the bench. */
export interface StepResult {
  frame: number;
  ran: boolean;
  reason: GateReason;
  motion: number | null;
  /** The mask composited on this frame (after any smoothing); null before the first mask. */
  displayed: PersonMask | null;
  /** With `reference`, the model's mask for this very frame (computed whether or not the gate ran it). */
  reference: PersonMask | null;
  /** Model time of the inference started on this frame (the reference pass in bench mode), ms. */
  modelMs: number | null;
  acquireMs: number;
  gateMs: number;
  /** Of gateMs: the thumbnail (drawing the frame at 64x48 and reading it back), ms; 0 for fixed policies. */
  sampleMs: number;
  /** Moving the cached mask by the person's shift (warp), ms; 0 when not warping. */
  warpMs: number;
  composeMs: number;
}

/** The budget guard as the pipeline uses it: may an inference start, and which mode is the stream in. */
export interface PipelineGuard extends BudgetPermit {
  mode(requested: 'full' | 'max-quality'): SegmentationMode;
}
