import type { CompositorSettings, MaskView } from './Compositor';
import type { FromCompositor, MaskMessage, ToCompositor } from './compositorProtocol';
import type { ComposeTiming, StageCompositor, StagePixels } from './StageCompositor';

type Waiter = { resolve: (value: FromCompositor) => void; reject: (err: Error) => void };

/** A frame's draw takes milliseconds; a worker silent this long is stuck (the stage is frozen) and is given up. */
export const COMPOSITOR_TIMEOUT_MS = 4000;

/**
 * Compositing in a dedicated worker: the stage canvas is transferred to it once (transferControlToOffscreen), and
 * the main thread only posts each frame (a transferred ImageBitmap) with the mask bytes when the mask changed.
 */
export class WorkerStageCompositor implements StageCompositor {
  readonly kind = 'worker';
  private readonly waiters = new Map<number, Waiter>();
  private nextId = 1;
  /** The mask the worker holds: which cache and which version of it (a new session brings a new cache). */
  private sentCache: MaskView | null = null;
  private sentVersion = -1;
  private background: CanvasImageSource | null = null;
  /** Set once the worker failed (an uncaught error in it): every frame after is refused. */
  broken: Error | null = null;
  /** Called once when the worker fails, before the frames waiting on it are refused. */
  onBroken: ((err: Error) => void) | null = null;

  private constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<FromCompositor>) => {
      const waiter = this.waiters.get(event.data.id);
      this.waiters.delete(event.data.id);
      waiter?.resolve(event.data);
    };
    worker.onerror = (event) =>
      this.fail(`the compositor worker failed (${event.message || 'script error'})`);
  }

  /** The worker is given up (an uncaught error, or no answer in time): every frame waiting on it is refused. */
  private fail(why: string): void {
    if (this.broken) return;
    this.broken = new Error(why);
    this.onBroken?.(this.broken);
    for (const waiter of this.waiters.values()) waiter.reject(this.broken);
    this.waiters.clear();
  }

  /** Starts the worker, then hands it the canvas; throws (with the canvas still usable) if no worker can start. */
  static start(canvas: HTMLCanvasElement): WorkerStageCompositor {
    const worker = new Worker(new URL('./compositor.worker.ts', import.meta.url), {
      type: 'module',
      name: 'compositor',
    });
    let offscreen: OffscreenCanvas;
    try {
      offscreen = canvas.transferControlToOffscreen();
    } catch (err) {
      worker.terminate();
      throw err;
    }
    const init: ToCompositor = { type: 'init', canvas: offscreen };
    worker.postMessage(init, [offscreen]);
    return new WorkerStageCompositor(worker);
  }

  async render(
    frame: ImageBitmap,
    cache: MaskView,
    settings: CompositorSettings,
    fullBlur: boolean,
  ): Promise<ComposeTiming> {
    const start = performance.now();
    const id = this.nextId++;
    const transfer: Transferable[] = [frame];
    let mask: MaskMessage | null | undefined;
    if (cache !== this.sentCache || cache.version !== this.sentVersion) {
      this.sentCache = cache;
      this.sentVersion = cache.version;
      // A copy: the cache's own mask stays on this thread for the gate and the staleness checks.
      const m = cache.mask;
      mask = m ? { data: m.data.slice(), width: m.width, height: m.height } : null;
      if (mask) transfer.push(mask.data.buffer);
    }
    this.syncBackground(settings.background);
    const { effect, blurPx, featherPx } = settings;
    const reply = this.ask(
      { type: 'frame', id, frame, mask, settings: { effect, blurPx, featherPx }, fullBlur },
      transfer,
    );
    const mainMs = performance.now() - start;
    const answer = await reply;
    if (answer.type === 'failed') throw new Error(`compositing failed: ${answer.message}`);
    return { drawMs: answer.type === 'drawn' ? answer.drawMs : 0, mainMs };
  }

  async pixels(): Promise<StagePixels> {
    const answer = await this.ask({ type: 'pixels', id: this.nextId++ });
    if (answer.type !== 'pixels') throw new Error('the compositor worker did not answer with pixels');
    return { data: answer.data, width: answer.width, height: answer.height };
  }

  crash(hang = false): boolean {
    const message: ToCompositor = { type: 'crash', hang };
    this.worker.postMessage(message);
    return true;
  }

  /** Stops the worker (after it failed: the stage it held is replaced). */
  terminate(): void {
    this.worker.terminate();
  }

  private ask(
    message: ToCompositor & { id: number },
    transfer: Transferable[] = [],
  ): Promise<FromCompositor> {
    if (this.broken) {
      if (message.type === 'frame') message.frame.close();
      return Promise.reject(this.broken);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail(`the compositor worker did not answer within ${COMPOSITOR_TIMEOUT_MS / 1000} s`),
        COMPOSITOR_TIMEOUT_MS,
      );
      const settle = () => clearTimeout(timer);
      this.waiters.set(message.id, {
        resolve: (value) => {
          settle();
          resolve(value);
        },
        reject: (err) => {
          settle();
          reject(err);
        },
      });
      this.worker.postMessage(message, transfer);
    });
  }

  /** The replacement background goes over once per change, as an ImageBitmap (an <img> cannot cross threads). */
  private syncBackground(image: CanvasImageSource | null): void {
    if (image === this.background) return;
    this.background = image;
    const send = (bitmap: ImageBitmap | null) => {
      if (this.background !== image) {
        bitmap?.close();
        return;
      }
      const message: ToCompositor = { type: 'background', image: bitmap };
      this.worker.postMessage(message, bitmap ? [bitmap] : []);
    };
    if (!image) send(null);
    else createImageBitmap(image as ImageBitmapSource).then(send, () => send(null));
  }
}
