import type { ModelEntry } from '../../core/modelManifest';
import type { NoticeBody } from '../../core/notice';
import type { BackendChoice, InferencePath, SegmenterInfo } from './segmenterTypes';

/** Messages between the page and the segmenter worker. Frames go in and masks come back as transferred buffers. */
export type ToWorker =
  | {
      type: 'init';
      model: ModelEntry;
      backend: BackendChoice;
      warmup: ImageBitmap | null;
      path: InferencePath;
    }
  /** Sent by a prestarted worker's spawner: start this backend (wasm: fetch and compile) before the model comes. */
  | { type: 'prepare'; backend: BackendChoice }
  | { type: 'segment'; id: number; frame: ImageBitmap }
  | { type: 'num-tensors'; id: number }
  | { type: 'model-calls'; id: number }
  | { type: 'lose-context'; id: number };

export type FromWorker =
  | { type: 'ready'; info: SegmenterInfo }
  | { type: 'init-error'; message: string; file?: string }
  | { type: 'mask'; id: number; data: ArrayBuffer; width: number; height: number; modelMs: number }
  | { type: 'failed'; id: number; message: string }
  | { type: 'num-tensors'; id: number; count: number }
  | { type: 'model-calls'; id: number; count: number }
  | { type: 'lose-context'; id: number; ok: boolean }
  | { type: 'notice'; notice: NoticeBody; info: SegmenterInfo };
