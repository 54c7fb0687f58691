import type { ThumbnailCounts } from '../motion/lumaThumbnail';
import { percentile } from './percentile';

/** What the page records while a clip plays at its own speed through the live path (bench --realtime). */
export interface RealtimeRecord {
  /** IoU of each displayed frame's mask (from the first mask on) against the every-frame reference of its frame. */
  iou: number[];
  /** Frames of the clip; frames the display dropped are not scored. */
  sourceFrames: number;
  /** Inferences started while it played, and frames the gate wanted inferred while one was in flight. */
  inferences: number;
  busy: number;
  /** Displayed frames with no mask yet (before the first inference settled): counted, not scored. */
  unmasked: number;
  /** Live frames whose gate thumbnail came from the decoded luma plane, and from a canvas draw. */
  thumbnails?: ThumbnailCounts;
}

/** The `realtime` object of bench's JSON: live quality beside the frame-stepped figures of the same run. */
export interface RealtimeSummary {
  iouMean: number;
  iouP05: number;
  frameSteppedIouMean: number;
  frameSteppedIouP05: number;
  frames: number;
  sourceFrames: number;
  inferences: number;
  busy: number;
  unmasked: number;
  thumbnails: ThumbnailCounts | null;
}

export function summarizeRealtime(
  record: RealtimeRecord,
  frameStepped: { iouMean: number; iouP05: number },
): RealtimeSummary {
  const frames = record.iou.length;
  if (frames === 0) throw new Error('no frame was displayed while the clip played');
  return {
    iouMean: record.iou.reduce((a, b) => a + b, 0) / frames,
    iouP05: percentile(record.iou, 5),
    frameSteppedIouMean: frameStepped.iouMean,
    frameSteppedIouP05: frameStepped.iouP05,
    frames,
    sourceFrames: record.sourceFrames,
    inferences: record.inferences,
    busy: record.busy,
    unmasked: record.unmasked,
    thumbnails: record.thumbnails ?? null,
  };
}
