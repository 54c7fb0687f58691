/// <reference lib="webworker" />

import { Compositor, type MaskView } from './Compositor';
import type { FromCompositor, ToCompositor } from './compositorProtocol';

// The stage's compositing off the main thread: the page hands over the stage canvas once, then posts each frame.
declare const self: DedicatedWorkerGlobalScope;

let compositor: Compositor | null = null;
const view: { mask: MaskView['mask']; version: number } = { mask: null, version: 0 };
let background: ImageBitmap | null = null;

const post = (message: FromCompositor, transfer: Transferable[] = []) => self.postMessage(message, transfer);

self.onmessage = (event: MessageEvent<ToCompositor>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'init':
      compositor = new Compositor(msg.canvas);
      return;
    case 'background':
      background?.close();
      background = msg.image;
      return;
    case 'frame':
      try {
        if (msg.mask !== undefined) {
          view.mask = msg.mask;
          view.version++;
        }
        if (!compositor) throw new Error('the stage canvas has not arrived');
        const drawMs = compositor.render(msg.frame, view, { ...msg.settings, background }, msg.fullBlur);
        post({ type: 'drawn', id: msg.id, drawMs });
      } catch (err) {
        post({ type: 'failed', id: msg.id, message: (err as Error).message });
      } finally {
        msg.frame.close();
      }
      return;
    case 'crash':
      if (msg.hang) {
        // A worker stuck in a loop: it never reads another message (the page's watchdog terminates it).
        for (;;) {}
      }
      throw new Error('the compositor worker was crashed on purpose (test facade)');
    case 'pixels': {
      if (!compositor) {
        post({ type: 'pixels', id: msg.id, data: new Uint8ClampedArray(0), width: 0, height: 0 });
        return;
      }
      const image = compositor.pixels();
      post({ type: 'pixels', id: msg.id, data: image.data, width: image.width, height: image.height }, [
        image.data.buffer,
      ]);
      return;
    }
  }
};
