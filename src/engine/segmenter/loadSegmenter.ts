import type { ModelEntry } from '../../core/modelManifest';
import type { BackendChoice, InferencePath, Segmenter, SegmenterNotice } from './segmenterTypes';
import { releaseSpareSegmenterWorker } from './segmenterWorkerSpawn';
import { ModelFileError } from './verifiedFetch';
import { WorkerSegmenter } from './WorkerSegmenter';

export interface LoadRequest {
  models: readonly ModelEntry[];
  modelId: string;
  backend: BackendChoice;
  path: InferencePath;
  /** A frame of the current source to warm up (and, for 'auto', time) on; null times a blank frame. */
  warmup: () => Promise<ImageBitmap | null>;
  notice: SegmenterNotice;
}

async function startOne(model: ModelEntry, request: LoadRequest): Promise<Segmenter> {
  const { backend, path, warmup, notice } = request;
  // The main-thread runtimes are loaded only when chosen: tfjs and MediaPipe stay out of the page's first bundle.
  if (model.runtime === 'mediapipe') {
    releaseSpareSegmenterWorker();
    const { MediapipeSegmenter } = await import('./MediapipeSegmenter');
    return MediapipeSegmenter.start(model);
  }
  try {
    return await WorkerSegmenter.start(model, backend, await warmup(), notice, path);
  } catch (err) {
    if (err instanceof ModelFileError) throw err;
    notice({ code: 'worker-unavailable', params: { error: (err as Error).message } });
    const { MainThreadSegmenter } = await import('./MainThreadSegmenter');
    return MainThreadSegmenter.start(model, backend, await warmup(), notice, path);
  }
}

/**
 * Loads the chosen model. When one of its files is missing or corrupt, or its runtime cannot start, says so and falls
 * back to a model of the other runtime, so the view keeps working.
 */
export async function loadSegmenter(request: LoadRequest): Promise<Segmenter> {
  const { models, modelId, notice } = request;
  const chosen = models.find((m) => m.id === modelId) ?? models[0];
  try {
    return await startOne(chosen, request);
  } catch (err) {
    const other = models.find((m) => m.runtime !== chosen.runtime);
    if (!other) throw err;
    notice({ code: 'model-fallback', params: { error: (err as Error).message, fallback: other.label } });
    return startOne(other, request);
  }
}
