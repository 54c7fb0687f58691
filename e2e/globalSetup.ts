import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(process.cwd(), '.cache', 'e2e-fixtures');
export const CAMERA_CLIP = join(FIXTURES, 'camera.y4m');
/** The shared clips: beside the repository, or where SEGMETER_MEDIA (or SEGMETER_SHARED_MEDIA) says. */
export const SHARED_MEDIA =
  process.env.SEGMETER_MEDIA ??
  process.env.SEGMETER_SHARED_MEDIA ??
  join(process.cwd(), '..', 'shared', 'media');
/** Two seconds of the sample clip, for replay and bench runs that must stay short. */
export const SHORT_CLIP = join(FIXTURES, 'short.mp4');
/** Two and a half seconds of the film excerpt around its first hard cut (0.9 s): fast motion and a cut. */
export const HIGH_MOTION_CLIP = join(FIXTURES, 'high-motion.mp4');
/** All-person ground-truth masks for SHORT_CLIP's 60 frames. */
export const FULL_MASKS = join(FIXTURES, 'masks-full');

/** Makes the clips the tests need from real recordings at test time (y4m files are too large to commit). */
export default function globalSetup(): void {
  mkdirSync(FIXTURES, { recursive: true });
  const sample = join(process.cwd(), 'public', 'sample', 'motion_asl_signer_640x480.mp4');
  const film = join(SHARED_MEDIA, 'scene_cuts_tears_of_steel_640x480.mp4');
  const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args]);
  const h264 = ['-an', '-c:v', 'libx264', '-pix_fmt', 'yuv420p'];
  if (!existsSync(CAMERA_CLIP))
    ffmpeg('-i', sample, '-t', '6', '-vf', 'scale=320:240', '-pix_fmt', 'yuv420p', CAMERA_CLIP);
  if (!existsSync(SHORT_CLIP)) ffmpeg('-i', sample, '-t', '2', ...h264, SHORT_CLIP);
  if (!existsSync(HIGH_MOTION_CLIP)) ffmpeg('-ss', '0.4', '-i', film, '-t', '2.5', ...h264, HIGH_MOTION_CLIP);
  if (!existsSync(FULL_MASKS)) {
    mkdirSync(FULL_MASKS, { recursive: true });
    ffmpeg('-f', 'lavfi', '-i', 'color=white:s=64x48', '-frames:v', '60', join(FULL_MASKS, '%04d.png'));
  }
}
