import type { ModelEntry } from '../../core/modelManifest';
import type { FromWorker, ToWorker } from './segmenterProtocol';
import type {
  BackendChoice,
  InferencePath,
  Segmenter,
  SegmenterInfo,
  SegmenterNotice,
  SegmentResult,
} from './segmenterTypes';
import { takeSegmenterWorker } from './segmenterWorkerSpawn';
import { ModelFileError } from './verifiedFetch';

type Pending = { resolve: (m: FromWorker) => void; reject: (e: Error) => void };

/** The tfjs runtime in a Web Worker: frames are transferred in as ImageBitmaps, masks come back as buffers. */
export class WorkerSegmenter implements Segmenter {
  info: SegmenterInfo;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private constructor(
    private readonly worker: Worker,
    ready: SegmenterInfo,
    private readonly notice: SegmenterNotice,
  ) {
    this.info = ready;
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    worker.onerror = (event) => this.failAll(new Error(`segmenter worker crashed: ${event.message}`));
  }

  /**
   * Starts the worker and loads the model there. Rejects with a ModelFileError for a bad model file, and with a
   * plain Error when the worker itself cannot run (the caller then runs tfjs on the main thread).
   */
  static start(
    model: ModelEntry,
    backend: BackendChoice,
    warmup: ImageBitmap | null,
    notice: SegmenterNotice,
    path: InferencePath = 'direct',
  ): Promise<WorkerSegmenter> {
    return new Promise((resolve, reject) => {
      let worker: Worker;
      try {
        const spawned = takeSegmenterWorker();
        worker = spawned.worker;
        if (spawned.earlyError !== null) {
          worker.terminate();
          reject(new Error(`the segmenter worker failed to start: ${spawned.earlyError}`));
          return;
        }
      } catch (err) {
        reject(new Error(`a worker cannot start here: ${(err as Error).message}`));
        return;
      }
      worker.onerror = (event) => {
        worker.terminate();
        reject(new Error(`the segmenter worker failed to start: ${event.message || 'script error'}`));
      };
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const msg = event.data;
        if (msg.type === 'ready') resolve(new WorkerSegmenter(worker, msg.info, notice));
        else if (msg.type === 'notice') notice(msg.notice);
        else if (msg.type === 'init-error') {
          worker.terminate();
          reject(msg.file ? new ModelFileError(msg.file, msg.message) : new Error(msg.message));
        }
      };
      const init: ToWorker = { type: 'init', model, backend, warmup, path };
      worker.postMessage(init, warmup ? [warmup] : []);
    });
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'notice') {
      this.info = msg.info;
      this.notice(msg.notice);
      return;
    }
    if (!('id' in msg)) return;
    const pending = this.pending.get(msg.id);
    if (!pending) return;
    this.pending.delete(msg.id);
    if (msg.type === 'failed') pending.reject(new Error(msg.message));
    else pending.resolve(msg);
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private call(message: ToWorker & { id: number }, transfer: Transferable[] = []): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject });
      this.worker.postMessage(message, transfer);
    });
  }

  async segment(frame: ImageBitmap): Promise<SegmentResult> {
    const msg = await this.call({ type: 'segment', id: this.nextId++, frame }, [frame]);
    if (msg.type !== 'mask') throw new Error(`unexpected reply ${msg.type}`);
    return {
      mask: { data: new Uint8ClampedArray(msg.data), width: msg.width, height: msg.height },
      modelMs: msg.modelMs,
    };
  }

  async numTensors(): Promise<number | null> {
    const msg = await this.call({ type: 'num-tensors', id: this.nextId++ });
    return msg.type === 'num-tensors' ? msg.count : null;
  }

  async modelCalls(): Promise<number> {
    const msg = await this.call({ type: 'model-calls', id: this.nextId++ });
    return msg.type === 'model-calls' ? msg.count : 0;
  }

  async loseContext(): Promise<boolean> {
    const msg = await this.call({ type: 'lose-context', id: this.nextId++ });
    return msg.type === 'lose-context' && msg.ok;
  }

  dispose(): void {
    this.failAll(new Error('segmenter disposed'));
    this.worker.terminate();
  }
}
