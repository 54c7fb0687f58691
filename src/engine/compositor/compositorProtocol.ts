import type { Effect } from './Compositor';

/** The settings a frame is drawn with, less the background image (sent on its own, once, as an ImageBitmap). */
export interface DrawSettings {
  effect: Effect;
  blurPx: number;
  featherPx: number;
}

/** A mask sent to the worker: its bytes (a copy, transferred) and size. */
export interface MaskMessage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * Messages from the page to the compositor worker. The stage canvas arrives once, transferred; each frame arrives
 * as a transferred ImageBitmap, with the mask only when it changed since the last frame (`undefined`: unchanged,
 * `null`: no mask any more).
 */
export type ToCompositor =
  | { type: 'init'; canvas: OffscreenCanvas }
  | {
      type: 'frame';
      id: number;
      frame: ImageBitmap;
      mask?: MaskMessage | null;
      settings: DrawSettings;
      fullBlur: boolean;
    }
  | { type: 'background'; image: ImageBitmap | null }
  | { type: 'pixels'; id: number }
  /** Test only: the worker throws, uncaught, as a compositor bug would, or ('hang') never answers again (see
   *  testFacade's crashCompositor). */
  | { type: 'crash'; hang?: boolean };

/** Messages from the compositor worker: each frame is answered once drawn (or failed), in order. */
export type FromCompositor =
  | { type: 'drawn'; id: number; drawMs: number }
  | { type: 'failed'; id: number; message: string }
  | { type: 'pixels'; id: number; data: Uint8ClampedArray; width: number; height: number };
