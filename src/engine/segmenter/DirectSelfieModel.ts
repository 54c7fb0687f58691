import { type GraphModel, loadGraphModel } from '@tensorflow/tfjs-converter';
import * as tf from '@tensorflow/tfjs-core';
import type { PersonMask } from './segmenterTypes';

/** The general selfie model's input: 256x256 RGB in 0..1, the whole frame stretched (no letterbox). */
export const SELFIE_INPUT = 256;

/**
 * The selfie graph model called directly: the same pre-processing as body-segmentation's tfjs selfie pipeline
 * (stretch the frame to 256x256, RGB scaled to 0..1) and its person channel read back once, at the model's own size.
 * What this skips is the library's generic work per frame: an affine-transform resize, a resize of the mask back to
 * the input size, an RGBA mask tensor and its conversion. Buffers are allocated once and reused.
 */
export class DirectSelfieModel {
  private readonly ctx: OffscreenCanvasRenderingContext2D;
  private readonly input = new Float32Array(SELFIE_INPUT * SELFIE_INPUT * 3);

  private constructor(private readonly model: GraphModel) {
    const ctx = new OffscreenCanvas(SELFIE_INPUT, SELFIE_INPUT).getContext('2d', {
      willReadFrequently: true,
    });
    if (!ctx) throw new Error('canvas 2D is not available');
    this.ctx = ctx;
  }

  static async load(artifacts: tf.io.ModelArtifacts): Promise<DirectSelfieModel> {
    return new DirectSelfieModel(await loadGraphModel({ load: async () => artifacts }));
  }

  /** Runs the model on one frame; the mask comes back as 256x256 probabilities 0..255 for the whole frame. */
  async segment(frame: ImageBitmap): Promise<PersonMask> {
    const n = SELFIE_INPUT * SELFIE_INPUT;
    this.ctx.drawImage(frame, 0, 0, SELFIE_INPUT, SELFIE_INPUT);
    const rgba = this.ctx.getImageData(0, 0, SELFIE_INPUT, SELFIE_INPUT).data;
    const input = this.input;
    for (let i = 0, o = 0; i < n; i++, o += 3) {
      const p = i * 4;
      input[o] = rgba[p] / 255;
      input[o + 1] = rgba[p + 1] / 255;
      input[o + 2] = rgba[p + 2] / 255;
    }
    const x = tf.tensor4d(input, [1, SELFIE_INPUT, SELFIE_INPUT, 3]);
    let y: tf.Tensor | undefined;
    try {
      y = this.model.execute(x) as tf.Tensor;
      const probabilities = (await y.data()) as Float32Array;
      const data = new Uint8ClampedArray(n);
      for (let i = 0; i < n; i++) data[i] = probabilities[i] * 255;
      return { data, width: SELFIE_INPUT, height: SELFIE_INPUT };
    } finally {
      x.dispose();
      y?.dispose();
    }
  }

  dispose(): void {
    this.model.dispose();
  }
}
