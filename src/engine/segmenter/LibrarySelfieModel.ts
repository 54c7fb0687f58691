import * as tf from '@tensorflow/tfjs-core';
import * as bodySegmentation from '@tensorflow-models/body-segmentation';
import type { PersonMask } from './segmenterTypes';

/**
 * The selfie model through body-segmentation's tfjs runtime (`segmentPeople`), unpatched: the reference path the
 * direct one is checked against, and still selectable (`?path=library`). The mask comes back at the input's size.
 */
export class LibrarySelfieModel {
  private constructor(private readonly segmenter: bodySegmentation.BodySegmenter) {}

  static async load(
    artifacts: tf.io.ModelArtifacts,
    modelType: 'general' | 'landscape',
  ): Promise<LibrarySelfieModel> {
    const segmenter = await bodySegmentation.createSegmenter(
      bodySegmentation.SupportedModels.MediaPipeSelfieSegmentation,
      { runtime: 'tfjs', modelType, modelUrl: { load: async () => artifacts } },
    );
    return new LibrarySelfieModel(segmenter);
  }

  async segment(frame: ImageBitmap): Promise<PersonMask> {
    const people = await this.segmenter.segmentPeople(frame);
    const rgba = (await people[0]?.mask.toTensor()) as tf.Tensor3D | undefined;
    if (!rgba) throw new Error('the model returned no mask');
    // The mask tensor is ours to dispose: leaving it leaks one frame-sized tensor per inference.
    const bytes = tf.tidy(() => tf.cast(tf.mul(tf.slice(rgba, [0, 0, 0], [-1, -1, 1]), 255), 'int32'));
    rgba.dispose();
    const values = await bytes.data();
    bytes.dispose();
    const [height, width] = rgba.shape;
    return { data: new Uint8ClampedArray(values), width, height };
  }

  dispose(): void {
    this.segmenter.dispose();
  }
}
