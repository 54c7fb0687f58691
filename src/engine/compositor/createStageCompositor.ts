import { type CompositorKind, MainStageCompositor, type StageCompositor } from './StageCompositor';
import { WorkerStageCompositor } from './WorkerStageCompositor';

/** `?compositor=main|worker` forces one; otherwise the worker wherever the browser can run it. */
export function requestedCompositor(search: string): CompositorKind {
  return new URLSearchParams(search).get('compositor') === 'main' ? 'main' : 'worker';
}

/** Whether this browser can composite in a worker: OffscreenCanvas, with a canvas that can hand its control over. */
export function workerCompositingSupported(canvas: HTMLCanvasElement): boolean {
  return (
    typeof Worker !== 'undefined' &&
    typeof OffscreenCanvas !== 'undefined' &&
    typeof canvas.transferControlToOffscreen === 'function'
  );
}

// A canvas can hand its control over only once, and React's development StrictMode starts a second session on the
// same canvas: every session on one canvas shares its compositor.
const byCanvas = new WeakMap<HTMLCanvasElement, StageCompositor>();

/** The stage's compositor: in a worker where the browser allows and nothing asks otherwise, else the main thread. */
export function createStageCompositor(
  canvas: HTMLCanvasElement,
  requested: CompositorKind = requestedCompositor(location.search),
): StageCompositor {
  const existing = byCanvas.get(canvas);
  if (existing) return existing;
  let compositor: StageCompositor | null = null;
  if (requested === 'worker' && workerCompositingSupported(canvas)) {
    try {
      compositor = WorkerStageCompositor.start(canvas);
    } catch (err) {
      console.warn(`Compositing on the main thread: ${(err as Error).message}`);
    }
  }
  compositor ??= new MainStageCompositor(canvas);
  byCanvas.set(canvas, compositor);
  return compositor;
}
