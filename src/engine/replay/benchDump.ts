import { greyThumbnail, THUMB_HEIGHT, THUMB_WIDTH } from '../../core/motion/greyThumbnail';
import { STUDY_FRAME_H, STUDY_FRAME_W, STUDY_MASK_WORDS } from '../../core/studyCache';
import type { PersonMask } from '../segmenter/segmenterTypes';

/** `bench --dump`: the app's own per-frame study inputs (src/core/studyCache.ts), base64 of the concatenated arrays. */
export interface BenchDump {
  masks: string;
  thumbs: string;
  maskThumbs: string;
}

const THUMB_N = THUMB_WIDTH * THUMB_HEIGHT;

/**
 * Collects, frame by frame, what the gate saw (its 64x48 thumbnail, drawn as the live pipeline draws it) and the
 * every-frame mask the bench scores against, so that the Node study can replay the app's inputs rather than its own
 * (ffmpeg frames, exact area averages): on scene_cuts the two disagree by 0.026 in p05 for the same rule.
 */
export class BenchDumpCollector {
  private readonly masks: Uint32Array;
  private readonly thumbs: Float32Array;
  private readonly maskThumbs: Float32Array;
  private readonly maskThumb = new Float32Array(THUMB_N);

  constructor(
    private readonly frames: number,
    width: number,
    height: number,
  ) {
    if (width !== STUDY_FRAME_W || height !== STUDY_FRAME_H)
      throw new Error(
        `--dump needs a ${STUDY_FRAME_W}x${STUDY_FRAME_H} clip (this one is ${width}x${height})`,
      );
    this.masks = new Uint32Array(frames * STUDY_MASK_WORDS);
    this.thumbs = new Float32Array(frames * THUMB_N);
    this.maskThumbs = new Float32Array(frames * THUMB_N);
  }

  /** Frame i: the gate's thumbnail, the reference upsampled to the frame (0..255) and the reference itself. */
  add(i: number, thumb: Float32Array, reference: Uint8Array, mask: PersonMask): void {
    if (i < 0 || i >= this.frames) throw new RangeError(`frame ${i} outside 0..${this.frames - 1}`);
    this.thumbs.set(thumb.subarray(0, THUMB_N), i * THUMB_N);
    const words = this.masks.subarray(i * STUDY_MASK_WORDS, (i + 1) * STUDY_MASK_WORDS);
    for (let p = 0; p < reference.length; p++) if (reference[p] >= 128) words[p >>> 5] |= 1 << (p & 31);
    // As InferenceGate.noteMask weights the motion score: a grey thumbnail of the probabilities, here as 0..1.
    greyThumbnail(mask.data, mask.width, mask.height, this.maskThumb, THUMB_WIDTH, THUMB_HEIGHT, 1);
    for (let k = 0; k < THUMB_N; k++) this.maskThumbs[i * THUMB_N + k] = this.maskThumb[k] / 255;
  }

  finish(): BenchDump {
    return {
      masks: toBase64(new Uint8Array(this.masks.buffer)),
      thumbs: toBase64(new Uint8Array(this.thumbs.buffer)),
      maskThumbs: toBase64(new Uint8Array(this.maskThumbs.buffer)),
    };
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 0x8000)));
  return btoa(binary);
}
