import type { GateReason } from '../frameEvent';

/** What the engine measured on one frame. Scores are 0..255 mean absolute thumbnail differences. */
export interface GateInput {
  /** Index of the frame in the session, increasing by 1 per displayed frame. */
  frame: number;
  /** Score against the thumbnail of the last INFERRED frame; null when not measured. */
  motion: number | null;
  /** Score against the previous frame's thumbnail (scene-cut detector); null when not measured. */
  sceneChange: number | null;
}

export type GateTier = 'static' | 'baseline' | 'motion';

/**
 * One decision. Policies return the same object on every call (the hot path allocates nothing), so read it
 * before the next decide(), or copy it.
 */
export interface GateDecision {
  run: boolean;
  reason: GateReason;
  /** Tier the motion score fell in; null for fixed policies and overrides that do not look at it. */
  tier: GateTier | null;
}

/**
 * The gate seam the engine drives once per frame: decide(); if it ran the model, noteInference(frame).
 * When decide() says run but an inference is still in flight, the engine records 'busy' and does NOT call
 * noteInference: the policy then asks again on the next frame, the cached mask counting as still reused.
 */
export interface GatePolicy {
  readonly name: string;
  /** False for fixed policies: the engine may skip computing thumbnails and scores. */
  readonly needsMotion: boolean;
  decide(input: GateInput): GateDecision;
  /** The model was started on `frame` (its thumbnail becomes the reference for the motion score). */
  noteInference(frame: number): void;
  reset(): void;
}
