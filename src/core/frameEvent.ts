/**
 * The one seam between the engine and everything that counts: one FrameEvent per displayed frame.
 * Costs, charts, alerts, logs and reports are all derived from a stream of these; nothing keeps a second counter.
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
   * End-to-end latency of the inference started on this frame: frame grab to mask read back on the main thread, ms.
   * Null on skipped frames and on failed inferences. A ran frame's event is emitted when its inference settles.
   */
  latencyMs: number | null;
  /** Time the model itself took, including the GPU/wasm read-back of its output, ms. Null when not ran. */
  modelMs: number | null;
  /** Set when the inference started on this frame failed; the cached mask stays in use. */
  error?: string;
  /**
   * Staleness check on a skipped frame: the model also ran (not billed, ran stays false) and this is the IoU of the
   * cached mask shown on this frame against that fresh mask.
   */
  shadowIou?: number;
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
    e.mode !== 'paused' && e.reason !== 'effect-off' && e.reason !== 'hidden' && e.reason !== 'duplicate'
  );
}
