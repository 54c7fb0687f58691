import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(process.cwd(), '.cache', 'e2e-fixtures');
export const CAMERA_CLIP = join(FIXTURES, 'camera.y4m');
export const SHARED_MEDIA = join(process.cwd(), '..', 'shared', 'media');
/** Two seconds of the sample clip, for replay and bench runs that must stay short. */
export const SHORT_CLIP = join(FIXTURES, 'short.mp4');
/** All-person ground-truth masks for SHORT_CLIP's 60 frames. */
export const FULL_MASKS = join(FIXTURES, 'masks-full');

/** Makes the fake camera's clip from a real recording at test time (y4m files are too large to commit). */
export default function globalSetup(): void {
  mkdirSync(FIXTURES, { recursive: true });
  if (existsSync(CAMERA_CLIP)) return;
  const source = join(process.cwd(), 'public', 'sample', 'motion_asl_signer_640x480.mp4');
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-i',
    source,
    '-t',
    '6',
    '-vf',
    'scale=320:240',
    '-pix_fmt',
    'yuv420p',
    CAMERA_CLIP,
  ]);
}
