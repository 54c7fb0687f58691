import type { Backend, Runtime } from '../../core/frameEvent';
import type { NoticeBody } from '../../core/notice';

/** Backend preference: a named one, or 'auto' to time the candidates on warm-up frames and keep the fastest. */
export type BackendChoice = 'auto' | 'webgl' | 'wasm' | 'cpu' | 'webgpu';

/**
 * How the tfjs runtime calls the model: 'direct' feeds the graph model itself (one resize, one read-back at the
 * model's size); 'library' goes through body-segmentation's segmentPeople (the reference the direct path matches).
 */
export type InferencePath = 'direct' | 'library';

/** A person mask: probability 0..255 per pixel, at the resolution of the frame that was sent. */
export interface PersonMask {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface SegmentResult {
  mask: PersonMask;
  /** Model time including the read-back of its output, ms. */
  modelMs: number;
}

/** What a backend measured on warm-up frames: median ms, or why it could not run. */
export type BackendTimings = Partial<Record<Backend, number | string>>;

export interface SegmenterInfo {
  modelId: string;
  runtime: Runtime;
  backend: Backend;
  /** Where inference runs: a Web Worker keeps the main thread free for display. */
  where: 'worker' | 'main';
  /** tfjs only: how the model is called. */
  path?: InferencePath;
  /**
   * The frame size the model wants (the pipeline resizes to it once, on the GPU, before handing the frame over);
   * null = any size at the frame's aspect ratio.
   */
  inputSize?: { width: number; height: number } | null;
  /** Present when the backend was picked by 'auto'. */
  timings?: BackendTimings;
}

/** One loaded model on one backend. segment() takes ownership of the bitmap and closes it. */
export interface Segmenter {
  readonly info: SegmenterInfo;
  segment(frame: ImageBitmap): Promise<SegmentResult>;
  /** A remote path's send-rate limiter: false = do not send now ('throttled'). Absent = always. */
  maySend?(): boolean;
  /** Live tensor count of the runtime, for leak checks; null where the runtime has no tensors (mediapipe). */
  numTensors(): Promise<number | null>;
  /** How many times the model itself has run (counted where it is invoked, warm-ups included). */
  modelCalls(): Promise<number>;
  /** Test hook: makes the WebGL context of the backend lose itself, as a GPU reset would. */
  loseContext(): Promise<boolean>;
  dispose(): void;
}

/** A notice the segmenter raises on its own (a fallback it took), for the UI to put into words. */
export type SegmenterNotice = (notice: NoticeBody) => void;
