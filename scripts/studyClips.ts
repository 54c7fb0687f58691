/**
 * The clips the gate studies replay: the shared clips and the clips derived from them (derivedClips.ts), each with
 * its cached every-frame masks (gateStudyCache.ts) and IoU table. SEGMETER_STUDY_CACHE=DIR reads a cache written by
 * `npm run bench -- --dump DIR` (the app's own thumbnails and masks) instead of the Node study's own.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeDerivedClips } from './derivedClips';
import { loadOrBuildClipCache } from './gateStudyCache';
import { buildIouTable, type IouTable } from './gateStudyTables';
import { ShiftedIou } from './targetSim';

export const MEDIA = '/work/shared/media';
export const CACHE = process.env.SEGMETER_STUDY_CACHE ?? '.cache/gate-study';

export interface StudyClip {
  t: IouTable;
  shifted: ShiftedIou;
}

async function loadClips(files: string[]): Promise<StudyClip[]> {
  const out: StudyClip[] = [];
  for (const f of files) {
    const t = buildIouTable(await loadOrBuildClipCache(f, CACHE), CACHE);
    out.push({ t, shifted: new ShiftedIou(t) });
  }
  return out;
}

/** The shared clips, by name. */
export function loadSharedClips(): Promise<StudyClip[]> {
  return loadClips(
    readdirSync(MEDIA)
      .filter((f) => f.endsWith('.mp4'))
      .sort()
      .map((f) => join(MEDIA, f)),
  );
}

/** The derived clips (made with ffmpeg when missing). */
export function loadDerivedClips(): Promise<StudyClip[]> {
  return loadClips(makeDerivedClips(join(CACHE, 'derived')));
}
