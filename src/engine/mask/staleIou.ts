import { iou } from '../../core/quality/iou';
import type { PersonMask } from '../segmenter/segmenterTypes';

/** How stale the mask on screen had become: its IoU with the fresh mask; undefined when there is none to compare. */
export function staleIou(onScreen: PersonMask | null, fresh: PersonMask): number | undefined {
  return onScreen && onScreen.width === fresh.width && onScreen.height === fresh.height
    ? iou(onScreen.data, fresh.data)
    : undefined;
}
