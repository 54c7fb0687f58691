import type { PersonMask } from '../segmenter/segmenterTypes';

export type Effect = 'blur' | 'replace' | 'mask' | 'off';

export interface CompositorSettings {
  effect: Effect;
  /** Background blur radius at output resolution, px. */
  blurPx: number;
  /** Softness of the mask edge at output resolution, px. */
  featherPx: number;
  /** Image drawn behind the person for 'replace'. */
  background: CanvasImageSource | null;
}

/** The newest mask and a version bumped on every change (the MaskCache on the main thread, a copy in the worker). */
export interface MaskView {
  readonly mask: PersonMask | null;
  readonly version: number;
}

/** A surface the compositor draws on: the stage canvas itself, or the OffscreenCanvas it was transferred to. */
export type StageSurface = HTMLCanvasElement | OffscreenCanvas;
type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
type Scratch = [StageSurface, Context2D];

/** A scratch canvas: an OffscreenCanvas where there is one (always in a worker), else a detached canvas element. */
function canvas2d(): Scratch {
  const canvas =
    typeof OffscreenCanvas === 'undefined' ? document.createElement('canvas') : new OffscreenCanvas(1, 1);
  const ctx = canvas.getContext('2d') as Context2D | null;
  if (!ctx) throw new Error('canvas 2D is not available');
  return [canvas, ctx];
}

/**
 * `source` drawn over the whole of a w x h scratch canvas, then the edge applied to it by `op`: destination-in keeps
 * the person, destination-out cuts the person out.
 */
function cutByEdge(
  [canvas, ctx]: Scratch,
  source: CanvasImageSource,
  edge: StageSurface,
  w: number,
  h: number,
  op: 'destination-in' | 'destination-out',
): StageSurface {
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  ctx.globalCompositeOperation = 'copy';
  ctx.drawImage(source, 0, 0, w, h);
  ctx.globalCompositeOperation = op;
  ctx.drawImage(edge, 0, 0, w, h);
  ctx.globalCompositeOperation = 'source-over';
  return canvas;
}

/** Maps a probability 0..255 to coverage with a smoothstep over 0.3..0.7: a solid person, an antialiased edge. */
const COVERAGE = new Uint8ClampedArray(256).map((_, p) => {
  const t = Math.min(1, Math.max(0, (p / 255 - 0.3) / 0.4));
  return Math.round(255 * t * t * (3 - 2 * t));
});

/**
 * Canvas 2D compositing of the source frame with the newest mask, on whichever thread owns the surface (see
 * StageCompositor). The mask's edge (upsampled, feathered) is rebuilt only when the mask changes; per frame blur costs
 * a quarter-resolution blur, a half-resolution cut-out and two full-size draws.
 */
export class Compositor {
  private readonly ctx: Context2D;
  private readonly lowMask = canvas2d();
  private readonly edge = canvas2d();
  private readonly person = canvas2d();
  private readonly blurred = canvas2d();
  private readonly hole = canvas2d();
  private edgeKey = '';

  constructor(private readonly canvas: StageSurface) {
    const ctx = canvas.getContext('2d', { alpha: false }) as Context2D | null;
    if (!ctx) throw new Error('canvas 2D is not available');
    this.ctx = ctx;
  }

  /** Draws one output frame; with `fullBlur` (segmentation paused) the whole frame is blurred. Returns its ms. */
  render(frame: ImageBitmap, cache: MaskView, settings: CompositorSettings, fullBlur = false): number {
    const start = performance.now();
    const w = frame.width;
    const h = frame.height;
    if (w === 0 || h === 0) return 0;
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
    }
    const ctx = this.ctx;
    if (fullBlur && settings.effect !== 'off') {
      ctx.drawImage(this.blurSmall(frame, w, h, settings.blurPx), 0, 0, w, h);
      return performance.now() - start;
    }
    if (settings.effect === 'off' || !cache.mask) {
      ctx.drawImage(frame, 0, 0, w, h);
      return performance.now() - start;
    }
    const edge = this.edgeFor(cache, w, h, settings.featherPx);
    if (settings.effect === 'mask') {
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, w, h);
      ctx.drawImage(edge, 0, 0, w, h);
      return performance.now() - start;
    }
    const image = settings.effect === 'replace' ? settings.background : null;
    if (!image) {
      // Blur (and replace with no image yet): the sharp frame, then the blurred background over it with the person
      // cut out. The same blend as a person layer over the blurred frame (sharp x a + blurred x (1 - a)), with the
      // cut made at half resolution: two full-size draws instead of four, 2.4 against 4.3 ms a frame (640x480,
      // headless Chromium), output within 0.2 grey levels on average.
      ctx.drawImage(frame, 0, 0, w, h);
      ctx.drawImage(this.blurredAround(frame, edge, w, h, settings.blurPx), 0, 0, w, h);
      return performance.now() - start;
    }
    // A replacement image must stay sharp: the person layer goes over it at full size.
    const person = cutByEdge(this.person, frame, edge, w, h, 'destination-in');
    this.drawCover(image, w, h);
    ctx.drawImage(person, 0, 0);
    return performance.now() - start;
  }

  /**
   * The frame, blurred at a quarter of the output's resolution (a sixteenth of the pixels): a blurred background has
   * no detail to lose, and a software canvas pays per pixel for its blur filter.
   */
  private blurSmall(frame: ImageBitmap, w: number, h: number, blurPx: number): StageSurface {
    const [small, sctx] = this.blurred;
    const sw = Math.ceil(w / 4);
    const sh = Math.ceil(h / 4);
    if (small.width !== sw || small.height !== sh) {
      small.width = sw;
      small.height = sh;
    }
    sctx.filter = `blur(${Math.max(0, blurPx / 4)}px)`;
    sctx.drawImage(frame, 0, 0, sw, sh);
    sctx.filter = 'none';
    return small;
  }

  /** The blurred frame at half resolution with the person (the feathered edge) cut out of it. */
  private blurredAround(
    frame: ImageBitmap,
    edge: StageSurface,
    w: number,
    h: number,
    blurPx: number,
  ): StageSurface {
    const small = this.blurSmall(frame, w, h, blurPx);
    return cutByEdge(this.hole, small, edge, Math.ceil(w / 2), Math.ceil(h / 2), 'destination-out');
  }

  /** The mask at output resolution as white with alpha = coverage, feathered; rebuilt when the mask changes. */
  private edgeFor(cache: MaskView, w: number, h: number, featherPx: number): StageSurface {
    const [edge, ectx] = this.edge;
    const key = `${cache.version}:${w}x${h}:${featherPx}`;
    if (key === this.edgeKey) return edge;
    this.edgeKey = key;
    const mask = cache.mask;
    if (!mask) return edge;
    const [low, lctx] = this.lowMask;
    if (low.width !== mask.width || low.height !== mask.height) {
      low.width = mask.width;
      low.height = mask.height;
    }
    const image = lctx.createImageData(mask.width, mask.height);
    for (let i = 0; i < mask.data.length; i++) {
      const o = i * 4;
      image.data[o] = 255;
      image.data[o + 1] = 255;
      image.data[o + 2] = 255;
      image.data[o + 3] = COVERAGE[mask.data[i]];
    }
    lctx.putImageData(image, 0, 0);
    // Feathered at the mask's own resolution (a fifth of the pixels of a VGA frame, so the blur costs a fifth), then
    // stretched to the output with smoothing where it is drawn.
    const ew = mask.width;
    const eh = mask.height;
    if (edge.width !== ew || edge.height !== eh) {
      edge.width = ew;
      edge.height = eh;
    }
    ectx.clearRect(0, 0, ew, eh);
    const feather = (featherPx * ew) / w;
    ectx.filter = feather > 0 ? `blur(${feather}px)` : 'none';
    ectx.drawImage(low, 0, 0);
    ectx.filter = 'none';
    return edge;
  }

  /** The stage's current pixels (what a test reads to check what is shown). */
  pixels(): ImageData {
    return this.ctx.getImageData(0, 0, this.canvas.width, this.canvas.height);
  }

  private drawCover(image: CanvasImageSource, w: number, h: number): void {
    const iw = (image as { width: number }).width;
    const ih = (image as { height: number }).height;
    const scale = Math.max(w / iw, h / ih);
    const dw = iw * scale;
    const dh = ih * scale;
    this.ctx.drawImage(image, (w - dw) / 2, (h - dh) / 2, dw, dh);
  }
}
