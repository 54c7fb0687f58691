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
  | 'effect-off';

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
