import type { ModelEntry } from '../../core/modelManifest';
import { SELFIE_INPUT } from './DirectSelfieModel';
import type {
  BackendChoice,
  InferencePath,
  Segmenter,
  SegmenterInfo,
  SegmenterNotice,
  SegmentResult,
} from './segmenterTypes';
import { TfjsSelfieRunner } from './TfjsSelfieRunner';

/** The tfjs runtime on the main thread, for browsers where the worker cannot run it. */
export class MainThreadSegmenter implements Segmenter {
  private constructor(
    private readonly runner: TfjsSelfieRunner,
    private readonly modelId: string,
  ) {}

  static async start(
    model: ModelEntry,
    backend: BackendChoice,
    warmup: ImageBitmap | null,
    notice: SegmenterNotice,
    path: InferencePath = 'direct',
  ): Promise<MainThreadSegmenter> {
    try {
      const runner = await TfjsSelfieRunner.load(model, backend, warmup, notice, path);
      return new MainThreadSegmenter(runner, model.id);
    } finally {
      warmup?.close();
    }
  }

  get info(): SegmenterInfo {
    return {
      modelId: this.modelId,
      runtime: 'tfjs',
      backend: this.runner.backend,
      where: 'main',
      path: this.runner.path,
      inputSize: this.runner.path === 'direct' ? { width: SELFIE_INPUT, height: SELFIE_INPUT } : null,
      timings: this.runner.timings,
    };
  }

  async segment(frame: ImageBitmap): Promise<SegmentResult> {
    try {
      return await this.runner.segment(frame);
    } finally {
      frame.close();
    }
  }

  async numTensors(): Promise<number | null> {
    return this.runner.numTensors();
  }

  async modelCalls(): Promise<number> {
    return this.runner.calls;
  }

  async loseContext(): Promise<boolean> {
    return this.runner.loseContext();
  }

  dispose(): void {
    this.runner.dispose();
  }
}
