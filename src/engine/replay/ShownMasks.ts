import { warpMask } from '../../core/mask/warpMask';
import { iou } from '../../core/quality/iou';
import { upsampleBilinear } from '../../core/quality/upsampleBilinear';
import { staleIou } from '../mask/staleIou';
import type { PersonMask } from '../segmenter/segmenterTypes';

/**
 * What the sweep's points show, computed once per frame per (inferred frame, shift) however many points show it:
 * the model's mask of an earlier frame, moved by whole mask pixels as MaskCache.show moves it, scored as the bench
 * scores it (upsampled to the frame, IoU with this frame's upsampled mask), and its staleness at the mask's size
 * as the pipeline measures it (IoU with this frame's fresh mask).
 */
export class ShownMasks {
  /** Model masks of frames some point still shows. */
  private readonly masks = new Map<number, PersonMask>();
  private readonly memo = new Map<string, { mask: PersonMask; iou?: number }>();
  private readonly up: Uint8Array;
  private current: PersonMask | null = null;
  private reference: Uint8Array | null = null;

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {
    this.up = new Uint8Array(width * height);
  }

  /** Frame `frame`'s model mask and its upsampled form (the reference every shown mask is scored against). */
  beginFrame(frame: number, mask: PersonMask, reference: Uint8Array): void {
    this.masks.set(frame, mask);
    this.current = mask;
    this.reference = reference;
    this.memo.clear();
  }

  /** IoU of the mask of `from` moved by (dx, dy), at the frame's size, with this frame's reference. */
  iou(from: number, dx: number, dy: number): number {
    const entry = this.entry(from, dx, dy);
    if (entry.iou === undefined) {
      if (!this.reference) throw new Error('no frame begun');
      const m = entry.mask;
      upsampleBilinear(m.data, m.width, m.height, this.up, this.width, this.height);
      entry.iou = iou(this.up, this.reference);
    }
    return entry.iou;
  }

  /** How stale the mask of `from` moved by (dx, dy) is against this frame's fresh mask (the pipeline's measure). */
  staleness(from: number, dx: number, dy: number): number | undefined {
    if (!this.current) throw new Error('no frame begun');
    return staleIou(this.entry(from, dx, dy).mask, this.current);
  }

  /** Forgets the masks of frames no point shows any more. */
  retain(inUse: ReadonlySet<number>): void {
    for (const frame of this.masks.keys()) if (!inUse.has(frame)) this.masks.delete(frame);
  }

  private entry(from: number, dx: number, dy: number): { mask: PersonMask; iou?: number } {
    const key = `${from}:${dx}:${dy}`;
    let entry = this.memo.get(key);
    if (!entry) {
      const src = this.masks.get(from);
      if (!src) throw new Error(`no mask of frame ${from} to show`);
      let mask = src;
      if (dx !== 0 || dy !== 0) {
        const data = new Uint8ClampedArray(src.width * src.height);
        warpMask(src.data, src.width, src.height, dx, dy, data);
        mask = { data, width: src.width, height: src.height };
      }
      entry = { mask };
      this.memo.set(key, entry);
    }
    return entry;
  }
}
