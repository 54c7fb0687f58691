import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { median } from '../../core/fold/liveStats';
import type { Backend } from '../../core/frameEvent';
import type { ModelEntry } from '../../core/modelManifest';
import { DirectSelfieModel } from './DirectSelfieModel';
import { LibrarySelfieModel } from './LibrarySelfieModel';
import type {
  BackendChoice,
  BackendTimings,
  InferencePath,
  PersonMask,
  SegmenterNotice,
  SegmentResult,
} from './segmenterTypes';
import { type GraphModelJson, plainArtifacts, twoChannelArtifacts } from './selfieArtifacts';
import { fetchModelFiles } from './verifiedFetch';

// Served from the app's own origin (vite.config.ts copies them). Threads stay off: they need cross-origin isolation,
// and the threaded build hangs in a minified production build.
setWasmPaths('/tfjs-wasm/');
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

type TfjsBackend = Exclude<Backend, 'mediapipe-gpu'>;
const CANDIDATES: TfjsBackend[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/**
 * Why WebGPU cannot run here, or null when the browser hands out an adapter. Asked before tfjs is: where there is no
 * adapter (a headless or GPU-less machine), tfjs's webgpu factory throws and logs an error to the console.
 */
async function webGpuMissing(): Promise<string | null> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return 'not offered by this browser';
  const adapter = await gpu.requestAdapter().catch(() => null);
  return adapter ? null : 'no WebGPU adapter on this machine';
}

/** A backend being started ahead of the model (see prepareBackend); loads wait for it before switching. */
let preparing: Promise<unknown> = Promise.resolve();

/**
 * Starts a backend before the model is known, so its start-up (wasm: fetching and compiling the binary, about half a
 * second here) overlaps the page's own start-up and the model's download. 'auto' prepares nothing: it times them all.
 */
export function prepareBackend(backend: BackendChoice): void {
  if (backend === 'auto') return;
  preparing = (async () => {
    if (backend === 'webgpu' && (await webGpuMissing())) return;
    if (await tf.setBackend(backend)) await tf.ready();
  })().catch(() => undefined);
}

interface WebGLBackendLike {
  gpgpu?: { gl?: WebGL2RenderingContext };
}

function webglContext(): WebGL2RenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  return (tf.backend() as unknown as WebGLBackendLike).gpgpu?.gl ?? null;
}

/**
 * The tfjs runtime of body-segmentation's MediaPipe Selfie Segmentation, on one tfjs backend. Runs in the segmenter
 * worker, or on the main thread where a worker cannot run it. Reads the mask back as bytes, so its timings include
 * the read-back, and disposes every tensor it was handed.
 */
interface SelfieModel {
  segment(frame: ImageBitmap): Promise<PersonMask>;
  dispose(): void;
}

export class TfjsSelfieRunner {
  private segmenter: SelfieModel | null = null;
  private contextLost = false;
  private lastModelMs = 0;
  /** Rejects the WebGL inference in flight, whose promise never settles once the context is gone. */
  private rejectPending: ((err: Error) => void) | null = null;
  backend: TfjsBackend = 'wasm';
  /** Times the model was run (segmentPeople called), warm-ups included. */
  calls = 0;
  timings: BackendTimings | undefined;

  private constructor(
    private readonly model: ModelEntry,
    private readonly artifacts: tf.io.ModelArtifacts,
    readonly path: InferencePath,
    private readonly notice: SegmenterNotice,
  ) {}

  /** Fetches and checks the model's files, then loads it on the chosen backend ('auto' times the candidates). */
  static async load(
    model: ModelEntry,
    choice: BackendChoice,
    warmup: ImageBitmap | null,
    notice: SegmenterNotice,
    requestedPath: InferencePath = 'direct',
  ): Promise<TfjsSelfieRunner> {
    const [files] = await Promise.all([fetchModelFiles(model), preparing]);
    const jsonFile = model.files.find((f) => f.path.endsWith('.json'));
    const binFile = model.files.find((f) => f.path.endsWith('.bin'));
    if (!jsonFile || !binFile) throw new Error(`model ${model.id} needs a .json and a .bin file`);
    const json = JSON.parse(new TextDecoder().decode(files.get(jsonFile.path))) as GraphModelJson;
    const weights = files.get(binFile.path) as ArrayBuffer;
    // The direct path is written for the general model's square input; anything else goes through the library.
    const path = requestedPath === 'direct' && model.modelType === 'general' ? 'direct' : 'library';
    const artifacts = path === 'direct' ? plainArtifacts(json, weights) : twoChannelArtifacts(json, weights);
    const runner = new TfjsSelfieRunner(model, artifacts, path, notice);
    if (choice === 'auto') {
      await runner.pickFastest(warmup);
    } else if (!(await runner.use(choice))) {
      notice({ code: 'backend-unavailable', params: { backend: choice } });
      if (!(await runner.use('wasm'))) throw new Error('neither the chosen backend nor wasm could start');
    }
    // One run while loading: a GPU backend compiles its shaders here (seconds on a software GPU), so the first
    // live inference is as fast as the rest and the time-outs watch every one of them.
    const frame = warmup ?? (await createImageBitmap(new ImageData(256, 256)));
    try {
      runner.lastModelMs = (await runner.runOnce(frame)).modelMs;
    } finally {
      if (!warmup) frame.close();
    }
    return runner;
  }

  /** Switches tfjs to a backend and loads the model there; false when the backend cannot start. */
  private async use(backend: TfjsBackend): Promise<boolean> {
    this.segmenter?.dispose();
    this.segmenter = null;
    if (backend === 'webgpu' && (await webGpuMissing())) return false;
    try {
      if (!(await tf.setBackend(backend))) return false;
      await tf.ready();
    } catch {
      return false;
    }
    this.backend = backend;
    this.contextLost = false;
    this.lastModelMs = 0;
    this.segmenter =
      this.path === 'direct'
        ? await DirectSelfieModel.load(this.artifacts)
        : await LibrarySelfieModel.load(this.artifacts, this.model.modelType);
    const canvas = webglContext()?.canvas;
    canvas?.addEventListener('webglcontextlost', () => {
      this.contextLost = true;
      this.rejectPending?.(new Error('the WebGL context was lost'));
    });
    return true;
  }

  /** Times each backend that starts on a few warm-up frames (first runs compile shaders, so they are not timed). */
  private async pickFastest(warmup: ImageBitmap | null): Promise<void> {
    const frame = warmup ?? (await createImageBitmap(new ImageData(256, 192)));
    const timings: BackendTimings = {};
    for (const backend of CANDIDATES) {
      const missing = backend === 'webgpu' ? await webGpuMissing() : null;
      if (missing) {
        timings.webgpu = missing;
        continue;
      }
      try {
        if (!(await this.use(backend))) {
          timings[backend] = 'could not start';
          continue;
        }
        const slow = backend === 'cpu';
        for (let i = 0; i < (slow ? 1 : 2); i++) await this.runOnce(frame);
        const times: number[] = [];
        for (let i = 0; i < (slow ? 1 : 3); i++) times.push((await this.runOnce(frame)).modelMs);
        timings[backend] = median(times) ?? Number.NaN;
      } catch (err) {
        timings[backend] = `failed: ${(err as Error).message}`;
      }
    }
    if (!warmup) frame.close();
    const ranked = Object.entries(timings)
      .filter((e): e is [TfjsBackend, number] => typeof e[1] === 'number' && Number.isFinite(e[1]))
      .sort((a, b) => a[1] - b[1]);
    if (ranked.length === 0)
      throw new Error(`no tfjs backend could run the model (${JSON.stringify(timings)})`);
    this.timings = timings;
    if (!(await this.use(ranked[0][0]))) throw new Error(`${ranked[0][0]} stopped working after timing`);
  }

  /**
   * Runs the model on one frame; on a lost or failing WebGL context, moves to wasm and says so. A context lost while
   * an inference is on the GPU leaves that inference pending forever, so WebGL runs race a watchdog.
   */
  async segment(frame: ImageBitmap): Promise<SegmentResult> {
    if (this.contextLost || webglContext()?.isContextLost()) {
      await this.fallBackToWasm(null);
    }
    // The first runs compile shaders (seconds on a software GPU), so the watchdog starts after them.
    if (this.backend !== 'webgl' || this.lastModelMs === 0) {
      const result = await this.runOnce(frame);
      this.lastModelMs = result.modelMs;
      return result;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watchdog = new Promise<never>((_, reject) => {
      this.rejectPending = reject;
      timer = setTimeout(
        () => reject(new Error('no answer from the GPU')),
        Math.max(4000, 8 * this.lastModelMs),
      );
    });
    try {
      const result = await Promise.race([this.runOnce(frame), watchdog]);
      this.lastModelMs = result.modelMs;
      return result;
    } catch (err) {
      await this.fallBackToWasm(
        this.contextLost || webglContext()?.isContextLost() ? null : (err as Error).message,
      );
      return this.runOnce(frame);
    } finally {
      clearTimeout(timer);
      this.rejectPending = null;
    }
  }

  /** WebGL failed with `error` (null: its context was lost): carry on with wasm, with a notice. */
  private async fallBackToWasm(error: string | null): Promise<void> {
    if (!(await this.use('wasm'))) {
      const why = error === null ? 'the WebGL context was lost' : `WebGL failed (${error})`;
      throw new Error(`${why}, and wasm could not start`);
    }
    this.notice({ code: 'webgl-fallback', params: { error } });
  }

  private async runOnce(frame: ImageBitmap): Promise<SegmentResult> {
    const segmenter = this.segmenter;
    if (!segmenter) throw new Error('segmenter not loaded');
    const start = performance.now();
    this.calls++;
    const mask = await segmenter.segment(frame);
    return { mask, modelMs: performance.now() - start };
  }

  numTensors(): number {
    return tf.memory().numTensors;
  }

  loseContext(): boolean {
    const lose = webglContext()?.getExtension('WEBGL_lose_context');
    lose?.loseContext();
    return Boolean(lose);
  }

  dispose(): void {
    this.segmenter?.dispose();
    this.segmenter = null;
  }
}
