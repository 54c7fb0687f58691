import type { ModelEntry } from '../../core/modelManifest';
import type {
  BackendChoice,
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
  ): Promise<MainThreadSegmenter> {
    try {
      return new MainThreadSegmenter(await TfjsSelfieRunner.load(model, backend, warmup, notice), model.id);
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
