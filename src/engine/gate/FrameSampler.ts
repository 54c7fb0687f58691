import { greyThumbnail, THUMB_HEIGHT, THUMB_WIDTH } from '../../core/motion/greyThumbnail';

// The canvas draws the frame straight at 64x48 (a mipmapped downscale at 'medium', so it averages rather than point
// samples) and greyThumbnail only converts it to grey (ratio 1: its block path, one pixel per cell). Why: cost.
// Headless Chromium, 640x480 shared clips, 200 frames each, load about 2.4 on 2 cores: drawImage + getImageData + grey
// 0.17-0.19 ms per frame (mean), against 0.26-0.34 ms for the earlier 128x96 draw plus an exact 2x block average (an
// earlier measurement under load 6: 0.15 against 0.45 ms). The bench's gate p50 (thumbnail, scores, shift, decision)
// went from 0.6-0.7 to 0.5 ms. The price: the thumbnail is further from the exact area average on which the gate's
// thresholds were chosen (the Node studies in scripts/ still use it): mean |diff| 1.5-3.7 grey levels per cell against
// 0.7-1.5. The bench (target mode, warp on) still meets the quality target on all three shared clips, with inferences
// per frame motion_asl_signer 0.110 (was 0.110), walk_in_out 0.107 (0.113), scene_cuts 0.523 (0.530), every hard cut
// inferred on its frame; those are the clips the controller's constants were chosen on, so this is not a held-out
// check.
// Measured again with the page cross-origin isolated (5 us timers; bench `timingMs.sampleMean`): 0.45 ms a frame, most of
// it the first CPU read of the decoded frame, which lives on the (software) GPU: a second draw of the same bitmap takes
// 0.05 ms. Drawing to a GPU canvas and reading 64x48 back, or createImageBitmap with a resize, pay the same sync
// (0.3-0.45 ms); drawing the video element directly pays the frame fetch again (1.3 ms).
/** Grey 64x48 thumbnails of video frames for the gate's motion score. */
export class FrameSampler {
  private readonly ctx: OffscreenCanvasRenderingContext2D;

  constructor() {
    const ctx = new OffscreenCanvas(THUMB_WIDTH, THUMB_HEIGHT).getContext('2d', {
      willReadFrequently: true,
    });
    if (!ctx) throw new Error('canvas 2D is not available');
    ctx.imageSmoothingQuality = 'medium';
    this.ctx = ctx;
  }

  /** Writes `frame` as a grey thumbnail into `out`; returns the ms it took. */
  sample(frame: ImageBitmap, out: Float32Array): number {
    const start = performance.now();
    this.ctx.drawImage(frame, 0, 0, THUMB_WIDTH, THUMB_HEIGHT);
    const { data } = this.ctx.getImageData(0, 0, THUMB_WIDTH, THUMB_HEIGHT);
    greyThumbnail(data, THUMB_WIDTH, THUMB_HEIGHT, out);
    return performance.now() - start;
  }
}
