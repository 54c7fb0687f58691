/**
 * Held-out clips for the target study, DERIVED from the shared clips with ffmpeg (same people and licences as
 * their sources, see /work/shared/media/PROVENANCE.md; new framing, direction and speed). No tuning reads them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const MEDIA = '/work/shared/media';

interface Derived {
  name: string;
  source: string;
  /** ffmpeg video filter applied to the source (ends at 640x480, 30 fps). */
  filter: string;
  what: string;
}

export const DERIVED_CLIPS: readonly Derived[] = [
  {
    name: 'derived_asl_mirror_zoom_fast',
    source: 'motion_asl_signer_640x480.mp4',
    filter: 'hflip,crop=480:360:100:40,scale=640:480,setpts=PTS/1.5,fps=30',
    what: 'ASL signer mirrored, zoomed 1.33x off-centre, played 1.5x fast (more motion per frame)',
  },
  {
    name: 'derived_asl_slow_blend',
    source: 'motion_asl_signer_640x480.mp4',
    filter: 'crop=560:420:20:30,scale=640:480,minterpolate=fps=60:mi_mode=blend,setpts=2*PTS,fps=30',
    what: 'ASL signer zoomed 1.14x, half speed with blended in-between frames (slower, calmer motion)',
  },
  {
    name: 'derived_walk_reverse_zoom',
    source: 'walk_in_out_640x480.mp4',
    filter: 'reverse,hflip,crop=512:384:96:60,scale=640:480,fps=30',
    what: 'walk in/out time-reversed, mirrored, zoomed 1.25x (person larger, walks the other way)',
  },
];

/** Makes the derived clips that are missing; returns their paths. */
export function makeDerivedClips(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return DERIVED_CLIPS.map((d) => {
    const out = join(dir, `${d.name}_640x480.mp4`);
    if (!existsSync(out)) {
      const r = spawnSync(
        '/usr/bin/ffmpeg',
        [
          '-v',
          'error',
          '-y',
          '-i',
          join(MEDIA, d.source),
          '-vf',
          d.filter,
          '-an',
          '-pix_fmt',
          'yuv420p',
          out,
        ],
        { stdio: 'inherit' },
      );
      if (r.status !== 0) throw new Error(`ffmpeg failed for ${d.name}`);
    }
    return out;
  });
}
