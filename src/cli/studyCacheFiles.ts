import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  STUDY_CACHE_VERSION,
  type StudyCacheMeta,
  studyCacheFiles,
  studyClipName,
} from '../core/studyCache.ts';
import type { BenchDump } from '../engine/replay/benchDump.ts';

/**
 * Writes a bench --dump as the gate study's cache for the clip (src/core/studyCache.ts), so that
 * `SEGMETER_STUDY_CACHE=DIR npx tsx scripts/targetStudy.ts` replays the app's own thumbnails and masks.
 * Returns the clip's cache name.
 */
export function writeStudyCache(
  dir: string,
  video: string,
  frames: number,
  modelMsMean: number,
  dump: BenchDump,
): string {
  mkdirSync(dir, { recursive: true });
  const name = studyClipName(video);
  const files = studyCacheFiles(name);
  writeFileSync(join(dir, files.masks), Buffer.from(dump.masks, 'base64'));
  writeFileSync(join(dir, files.thumbs), Buffer.from(dump.thumbs, 'base64'));
  writeFileSync(join(dir, files.maskThumbs), Buffer.from(dump.maskThumbs, 'base64'));
  const meta: StudyCacheMeta = {
    version: STUDY_CACHE_VERSION,
    frames,
    modelMsMean,
    source: 'app',
  };
  writeFileSync(join(dir, files.meta), JSON.stringify(meta));
  return name;
}
