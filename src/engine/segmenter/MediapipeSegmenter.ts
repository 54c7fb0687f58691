import * as bodySegmentation from '@tensorflow-models/body-segmentation';
import type { ModelEntry } from '../../core/modelManifest';
import { loadMediapipeScript } from './mediapipeGlobal';
import type { Segmenter, SegmenterInfo, SegmentResult } from './segmenterTypes';
import { fetchModelFiles } from './verifiedFetch';

/**
 * body-segmentation's `mediapipe` runtime: Google's wasm + WebGL solution, served from /mediapipe. It draws into its
 * own WebGL canvas, so it stays on the main thread.
 */
export class MediapipeSegmenter implements Segmenter {
  readonly info: SegmenterInfo;
  private calls = 0;

  private constructor(
    private readonly segmenter: bodySegmentation.BodySegmenter,
    model: ModelEntry,
  ) {
    this.info = { modelId: model.id, runtime: 'mediapipe', backend: 'mediapipe-gpu', where: 'main' };
  }

  static async start(model: ModelEntry): Promise<MediapipeSegmenter> {
    // The solution fetches the .tflite itself; checking it first names a missing or altered file.
    await fetchModelFiles(model);
    await loadMediapipeScript();
    const segmenter = await bodySegmentation.createSegmenter(
      bodySegmentation.SupportedModels.MediaPipeSelfieSegmentation,
      { runtime: 'mediapipe', modelType: model.modelType, solutionPath: '/mediapipe' },
    );
    return new MediapipeSegmenter(segmenter, model);
  }

  async segment(frame: ImageBitmap): Promise<SegmentResult> {
    const start = performance.now();
    this.calls++;
    try {
      const people = await this.segmenter.segmentPeople(frame);
      const image = await people[0]?.mask.toImageData();
      if (!image) throw new Error('the model returned no mask');
      // The solution's mask carries the person probability in its red channel.
      const data = new Uint8ClampedArray(image.width * image.height);
      for (let i = 0; i < data.length; i++) data[i] = image.data[i * 4];
      return { mask: { data, width: image.width, height: image.height }, modelMs: performance.now() - start };
    } finally {
      frame.close();
    }
  }

  async numTensors(): Promise<number | null> {
    return null;
  }

  async modelCalls(): Promise<number> {
    return this.calls;
  }

  async loseContext(): Promise<boolean> {
    return false;
  }

  dispose(): void {
    this.segmenter.dispose();
  }
}
