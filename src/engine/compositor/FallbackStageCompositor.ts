import type { CompositorSettings, MaskView } from './Compositor';
import { createStageCompositor } from './createStageCompositor';
import {
  type ComposeTiming,
  type CompositorKind,
  MainStageCompositor,
  type StageCompositor,
  type StagePixels,
} from './StageCompositor';
import { WorkerStageCompositor } from './WorkerStageCompositor';

/** The stage canvas (owned by the UI) and how to put a fresh one in its place, returning it. */
export interface StageCanvas {
  element: HTMLCanvasElement;
  replace(): HTMLCanvasElement;
}

/**
 * The stage's compositor (see createStageCompositor) with a way out: if the compositor worker dies or stops
 * answering, the stage it held (the canvas was transferred to it, so the page can no longer draw on it) is replaced
 * by a fresh canvas, compositing continues on the main thread from the next frame, and `onFallback` says why. The frames the dead worker held are not drawn but
 * still settle, so the pipeline's event stream goes on.
 */
export class FallbackStageCompositor implements StageCompositor {
  private current: StageCompositor;
  /** Called once compositing has moved to the main thread, with the reason. */
  onFallback: ((why: string) => void) | null = null;

  constructor(private readonly stage: StageCanvas) {
    const primary = createStageCompositor(stage.element);
    this.current = primary;
    if (primary instanceof WorkerStageCompositor) primary.onBroken = (err) => this.fallBack(primary, err);
  }

  get kind(): CompositorKind {
    return this.current.kind;
  }

  async render(
    frame: ImageBitmap,
    mask: MaskView,
    settings: CompositorSettings,
    fullBlur: boolean,
  ): Promise<ComposeTiming> {
    const drawer = this.current;
    try {
      return await drawer.render(frame, mask, settings, fullBlur);
    } catch (err) {
      // Refused by a worker that died after this frame went to it: nothing was drawn, and the next frame is.
      if (drawer !== this.current) return { drawMs: 0, mainMs: 0 };
      throw err;
    }
  }

  pixels(): Promise<StagePixels> {
    return this.current.pixels();
  }

  crash(hang = false): boolean {
    return this.current.crash(hang);
  }

  private fallBack(dead: WorkerStageCompositor, err: Error): void {
    if (this.current !== dead) return;
    dead.terminate();
    this.current = new MainStageCompositor(this.stage.replace());
    this.onFallback?.(err.message);
  }
}
