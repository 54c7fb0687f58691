import { BASE_ARGS } from '../src/cli/chromiumLaunch';

export { BASE_ARGS, executablePath } from '../src/cli/chromiumLaunch';

/** A fake camera that plays a file, with the permission prompt answered "allow". */
export function fakeCameraArgs(clip: string): string[] {
  return [
    ...BASE_ARGS,
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${clip}`,
  ];
}
