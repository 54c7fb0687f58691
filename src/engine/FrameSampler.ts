import { greyThumbnail, THUMB_HEIGHT, THUMB_WIDTH } from '../core/motion/greyThumbnail';

// The canvas downscale does the bulk of the reduction on the GPU or in Skia; the last 4x is an exact area average,
// so the thumbnail is as smooth as the Node study's (point sampling would double the inferences on still scenes).
const SAMPLE_WIDTH = THUMB_WIDTH * 4;
const SAMPLE_HEIGHT = THUMB_HEIGHT * 4;

/** Grey 64x48 thumbnails of video frames for the gate's motion score. */
export class FrameSampler {
  private readonly ctx: OffscreenCanvasRenderingContext2D;

  constructor() {
    const ctx = new OffscreenCanvas(SAMPLE_WIDTH, SAMPLE_HEIGHT).getContext('2d', {
      willReadFrequently: true,
    });
    if (!ctx) throw new Error('canvas 2D is not available');
    ctx.imageSmoothingQuality = 'medium';
    this.ctx = ctx;
  }

  /** Writes the current frame of `video` as a grey thumbnail into `out`. */
  sample(video: HTMLVideoElement, out: Float32Array): void {
    this.ctx.drawImage(video, 0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT);
    const { data } = this.ctx.getImageData(0, 0, SAMPLE_WIDTH, SAMPLE_HEIGHT);
    greyThumbnail(data, SAMPLE_WIDTH, SAMPLE_HEIGHT, out);
  }
}
