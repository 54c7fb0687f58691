import { Compositor, type CompositorSettings, type MaskView } from './Compositor';

/** Where the stage is composited: in a dedicated worker (OffscreenCanvas) or on the main thread. */
export type CompositorKind = 'worker' | 'main';

export interface ComposeTiming {
  /** Drawing the frame, ms, on whichever thread draws. */
  drawMs: number;
  /** What compositing cost the main thread, ms: the whole draw there, or posting the frame to the worker. */
  mainMs: number;
}

/** The stage's pixels, row by row, RGBA. */
export interface StagePixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/**
 * Draws each frame on the stage. `render` takes the frame over (it is closed or transferred) and settles once the
 * frame is drawn, which is when the pipeline emits its FrameEvent.
 */
export interface StageCompositor {
  readonly kind: CompositorKind;
  render(
    frame: ImageBitmap,
    mask: MaskView,
    settings: CompositorSettings,
    fullBlur: boolean,
  ): Promise<ComposeTiming>;
  /** The stage as last drawn (tests read it here: a transferred canvas cannot be read from the page). */
  pixels(): Promise<StagePixels>;
  /** Test only: makes a compositor worker throw, uncaught (or with `hang`, loop forever); false where no worker
   *  composites. */
  crash(hang?: boolean): boolean;
}

/** Compositing on the main thread, straight onto the stage canvas: the fallback, and `?compositor=main`. */
export class MainStageCompositor implements StageCompositor {
  readonly kind = 'main';
  private readonly compositor: Compositor;

  constructor(canvas: HTMLCanvasElement) {
    this.compositor = new Compositor(canvas);
  }

  async render(
    frame: ImageBitmap,
    mask: MaskView,
    settings: CompositorSettings,
    fullBlur: boolean,
  ): Promise<ComposeTiming> {
    try {
      const drawMs = this.compositor.render(frame, mask, settings, fullBlur);
      return { drawMs, mainMs: drawMs };
    } finally {
      frame.close();
    }
  }

  async pixels(): Promise<StagePixels> {
    const { data, width, height } = this.compositor.pixels();
    return { data, width, height };
  }

  crash(_hang?: boolean): boolean {
    return false;
  }
}
