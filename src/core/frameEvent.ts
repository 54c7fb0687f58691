/**
 * The one seam between the engine and everything that counts: one FrameEvent per displayed frame, emitted when the
 * frame is composited (so the stream is in frame order), plus an InferenceRecord per inference when it settles,
 * linked by id. Costs, charts, alerts, logs and reports are all folded from these (src/core/fold); nothing keeps a
 * second counter.
 */

/** Why the gate ran the model on a frame, or why it reused the cached mask. */
export type GateReason =
  | 'first-frame'
  | 'every-frame'
  | 'stride'
  | 'motion'
  /** Baseline tier (some motion, below the motion threshold): the every-Nth-frame inference. */
  | 'baseline'
  | 'scene-cut'
  | 'max-skip'
  | 'refresh'
  | 'max-quality'
  | 'static-skip'
  | 'baseline-skip'
  | 'stride-skip'
  /** The gate asked for inference but one was still in flight: inference never queues behind itself. */
  | 'busy'
  /** The effect is off, so nothing needs a mask. */
  | 'effect-off'
  /** The tab is hidden: nothing is inferred for a view nobody sees. */
  | 'hidden'
  /** The gate asked, the budget's hard limit refused: segmentation paused. */
  | 'budget'
  /** The gate asked, the budget's cost-saver mode refused: its inference-rate cap. */
  | 'cost-saver'
  /** The gate asked, the runaway guard had disabled inference. */
  | 'runaway'
  /** The gate asked, the (simulated) cloud's send-rate limiter refused: slow answers lower the send rate. */
  | 'throttled'
  /** The model failed repeatedly: segmentation stepped aside (plain frame shown) until a retry succeeds. */
  | 'model-failing'
  /** An extra inference on a frame that already has its event (the simulated runaway bug): billed, not a frame. */
  | 'duplicate';

export type Runtime = 'tfjs' | 'mediapipe';
export type Backend = 'webgl' | 'wasm' | 'cpu' | 'webgpu' | 'mediapipe-gpu';
export type SourceKind = 'camera' | 'sample' | 'file' | 'replay';
export type SegmentationMode = 'full' | 'reduced' | 'paused' | 'max-quality';

export interface FrameEvent {
  /** Wall-clock time of the frame, ms since the epoch. */
  ts: number;
  /** Media time of the frame in the source, seconds. */
  mediaTime: number;
  sessionId: string;
  /** Index of the frame in this session, from 0. */
  frame: number;
  /** True when the model was started on this frame (an inference that a cloud API would bill). */
  ran: boolean;
  reason: GateReason;
  source: SourceKind;
  model: string;
  runtime: Runtime;
  backend: Backend;
  /**
   * Set when the gate started an inference on this frame: the id of the InferenceRecord that settles later with its
   * timings, its error or its staleness. Null on frames that reused the cached mask.
   */
  inferenceId: number | null;
  /** Motion score the gate saw, 0..255 mean absolute difference; null when the gate does not measure motion. */
  motion: number | null;
  mode: SegmentationMode;
}

/**
 * A frame of a stream that is being segmented (what a per-minute video API would bill): not paused, not hidden,
 * effect on, and not an extra inference on an already logged frame.
 */
export function isSegmentedFrame(e: Pick<FrameEvent, 'mode' | 'reason'>): boolean {
  return (
    e.mode !== 'paused' &&
    e.reason !== 'effect-off' &&
    e.reason !== 'hidden' &&
    e.reason !== 'duplicate' &&
    e.reason !== 'model-failing'
  );
}

/** What an inference was for: the gate's (billed), an unbilled staleness check, or the simulated runaway's extra. */
export type InferenceKind = 'gate' | 'shadow' | 'duplicate';

/** One inference, when it settled (or failed); linked to the frame it was started on. */
export interface InferenceRecord {
  id: number;
  sessionId: string;
  /** The frame the inference was started on. */
  frame: number;
  kind: InferenceKind;
  /** Wall-clock time it settled, ms since the epoch. */
  ts: number;
  /** Frame grab to mask back on the main thread, ms; null when it failed. */
  latencyMs: number | null;
  /** The model itself, including the read-back of its output, ms; null when it failed. */
  modelMs: number | null;
  /** Set when the inference failed; the cached mask stays in use. */
  error?: string;
  /**
   * IoU of the mask that was on screen when this inference was started against the fresh mask it produced: how
   * stale the cache had become, measured at no extra inference. Absent on the first mask and on failures.
   */
  staleIou?: number;
}
