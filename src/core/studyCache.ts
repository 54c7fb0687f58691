/**
 * The gate study's per-clip cache (scripts/gateStudyCache.ts builds it in Node; `npm run bench -- --dump DIR` writes
 * it from the app itself): for every frame, the every-frame person mask at 640x480 bit-packed (person = p >= 0.5
 * after bilinear upsampling, bit i of word i >>> 5), a 64x48 grey thumbnail of the frame (0..255) and a 64x48
 * thumbnail of the mask, 0..1 (Node: the area share of person pixels; a dump: the mean probability, which is what
 * the app weights its motion score with). Files: NAME.meta.json, NAME.masks.bin, NAME.thumbs.f32,
 * NAME.maskthumbs.f32 (little-endian Uint32 / Float32), NAME = the clip's file name without .mp4 and _640x480.
 */
export const STUDY_FRAME_W = 640;
export const STUDY_FRAME_H = 480;
export const STUDY_MASK_WORDS = (STUDY_FRAME_W * STUDY_FRAME_H) / 32;
export const STUDY_CACHE_VERSION = 1;

export interface StudyCacheMeta {
  version: number;
  frames: number;
  modelMsMean: number;
  /** Who made it: 'node' (ffmpeg frames, exact area averages) or 'app' (the bench's own thumbnails and masks). */
  source?: 'node' | 'app';
}

export function studyClipName(file: string): string {
  const base = file.split('/').pop() ?? file;
  return base.replace(/\.mp4$/, '').replace(/_640x480$/, '');
}

export function studyCacheFiles(name: string): Record<'meta' | 'masks' | 'thumbs' | 'maskThumbs', string> {
  return {
    meta: `${name}.meta.json`,
    masks: `${name}.masks.bin`,
    thumbs: `${name}.thumbs.f32`,
    maskThumbs: `${name}.maskthumbs.f32`,
  };
}
