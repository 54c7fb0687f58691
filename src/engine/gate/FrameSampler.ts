import { greyThumbnail, THUMB_HEIGHT, THUMB_WIDTH } from '../../core/motion/greyThumbnail';
import { type LumaPlane, lumaThumbnail, type ThumbnailCounts } from '../../core/motion/lumaThumbnail';

/** Pixel formats whose first plane is 8-bit luma (WebCodecs' names): decoded video and most cameras. */
const LUMA_FIRST = new Set(['I420', 'I420A', 'I422', 'I422A', 'I444', 'I444A', 'NV12']);

/** A read of one frame's luma plane, started with the frame (null plane: it had none), and the ms it took to start. */
export interface PendingLuma {
  plane: Promise<LumaPlane | null>;
  startMs: number;
}

// Why luma through WebCodecs (session 23): the thumbnail used to be a canvas draw of the decoded frame at 64x48, then
// getImageData. Chromium keeps the decoded frame on the (software) GPU, so that first CPU read waited for the GPU:
// 0.45-0.55 ms of the gate's 0.6-0.8 ms per frame in the bench. A VideoFrame of the element holds the decoder's own
// YUV planes on the CPU: wrapping it costs about 0.1 ms and copyTo (which in Chromium copies before it returns) 0.1
// to 0.13 ms for 640x480 I420, and the luma plane is the grey: 0.6 to 1.5 grey levels from the exact area average
// (which the gate's constants were chosen on) of the RGB frame Chromium shows, where the canvas draw was 1.5 to 3.7.
// Bench (target, warp on): sampleMean 0.21-0.24 ms (session 24, with the faster average), the whole gate 0.019-0.024
// of an inference (0.025-0.034 in session 23, 0.038-0.043 with the canvas). Wrap about 0.04 ms, copy 0.07 ms (mostly
// the first read of the decoder's memory: a second copy of the same frame takes 0.03 ms).
// Tried and dropped: handing the VideoFrame to a worker for the copy and the mean (its transfer alone took 0.22 ms of
// the main thread, and the reply came 0.3 ms after the bitmap). Frames without a luma plane (RGB frames, a frame only
// on the GPU, no WebCodecs) take the canvas path.
/** Grey 64x48 thumbnails of video frames for the gate's motion score. */
export class FrameSampler {
  /** Frames sampled from their luma plane, and by drawing the bitmap (frames without one), since creation. */
  readonly frames: ThumbnailCounts = { luma: 0, canvas: 0 };
  private ctx: OffscreenCanvasRenderingContext2D | null = null;
  private buffer = new Uint8Array(0);
  private copying = false;

  /**
   * Starts reading the luma plane of the frame `video` holds now (the one createImageBitmap(video) reads when called
   * in the same task). Null when there is nothing to read that way; the read itself never rejects, and it closes the
   * VideoFrame when done.
   */
  begin(video: HTMLVideoElement): PendingLuma | null {
    if (typeof VideoFrame === 'undefined') return null;
    const start = performance.now();
    let frame: VideoFrame;
    try {
      frame = new VideoFrame(video);
    } catch {
      return null;
    }
    const rect = frame.visibleRect;
    if (!frame.format || !LUMA_FIRST.has(frame.format) || !rect) {
      frame.close();
      return null;
    }
    const size = frame.allocationSize();
    // One buffer, reused; a read that starts while another is in flight (the pipeline starts none) gets its own.
    const own = !this.copying;
    if (own && this.buffer.length < size) this.buffer = new Uint8Array(size);
    const buffer = own ? this.buffer : new Uint8Array(size);
    this.copying = true;
    const fullRange = frame.colorSpace.fullRange ?? false;
    const plane = frame
      .copyTo(buffer)
      .then(
        (layout): LumaPlane => ({
          ...{ data: buffer, offset: layout[0].offset, stride: layout[0].stride },
          ...{ width: rect.width, height: rect.height, fullRange },
        }),
        () => null,
      )
      .finally(() => {
        frame.close();
        if (own) this.copying = false;
      });
    return { plane, startMs: performance.now() - start };
  }

  /**
   * Writes the grey thumbnail of `frame` into `out`, from its luma plane when `pending` has it, else by drawing the
   * bitmap; returns the ms it took: starting the read, waiting for it and making the thumbnail.
   */
  async sample(pending: PendingLuma | null, frame: ImageBitmap, out: Float32Array): Promise<number> {
    const start = performance.now();
    const plane = pending ? await pending.plane : null;
    if (plane && plane.width >= THUMB_WIDTH && plane.height >= THUMB_HEIGHT) {
      lumaThumbnail(plane, out);
      this.frames.luma++;
    } else {
      this.drawn(frame, out);
      this.frames.canvas++;
    }
    return (pending?.startMs ?? 0) + performance.now() - start;
  }

  /** The counts since `before` (an earlier copy of `frames`): what one bench pass sampled, and how. */
  framesSince(before: Readonly<ThumbnailCounts>): ThumbnailCounts {
    return { luma: this.frames.luma - before.luma, canvas: this.frames.canvas - before.canvas };
  }

  // The canvas draws the frame straight at 64x48 (a mipmapped downscale at 'medium', so it averages rather than
  // point samples) and greyThumbnail only converts it to grey. Mean |diff| to the exact area average 1.5-3.7 grey
  // levels per cell; the first CPU read of a GPU-backed frame costs 0.3-0.55 ms (see above).
  private drawn(frame: ImageBitmap, out: Float32Array): void {
    if (!this.ctx) {
      this.ctx = new OffscreenCanvas(THUMB_WIDTH, THUMB_HEIGHT).getContext('2d', {
        willReadFrequently: true,
      });
      if (!this.ctx) throw new Error('canvas 2D is not available');
      this.ctx.imageSmoothingQuality = 'medium';
    }
    this.ctx.drawImage(frame, 0, 0, THUMB_WIDTH, THUMB_HEIGHT);
    const { data } = this.ctx.getImageData(0, 0, THUMB_WIDTH, THUMB_HEIGHT);
    greyThumbnail(data, THUMB_WIDTH, THUMB_HEIGHT, out);
  }
}
