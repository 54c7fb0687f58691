/** `npm run soak`'s command line: how long, how often to sample, and which clip. */
import { parseArgs } from 'node:util';
import { boundedNumber, InputError } from './cliInput.ts';

export const SOAK_USAGE = 'usage: soak --minutes N [--sample-seconds S] [--video PATH]';

export interface SoakArgs {
  /** Run length; fractional minutes allowed (a CI run of 0.5). */
  minutes: number;
  /** Seconds between samples (one line each): 60 by default, shorter for short runs. */
  sampleSeconds: number;
  /** A clip to play on a loop instead of the bundled sample (as a user picks a file); null: the sample. */
  video: string | null;
}

/** Parses the command line; an InputError (one line) on anything it cannot use, before any browser starts. */
export function parseSoakArgs(argv: string[]): SoakArgs {
  let values: { minutes?: string; 'sample-seconds'?: string; video?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        minutes: { type: 'string' },
        'sample-seconds': { type: 'string', default: '60' },
        video: { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    throw new InputError((err as Error).message.split('\n')[0]);
  }
  if (values.minutes === undefined) throw new InputError('--minutes is required');
  const minutes = boundedNumber('--minutes', values.minutes, 'minutes', { above: 0, max: 24 * 60 });
  const sampleSeconds = boundedNumber('--sample-seconds', values['sample-seconds'] ?? '60', 'seconds', {
    above: 0,
    max: 3600,
  });
  if (sampleSeconds < 1) throw new InputError(`--sample-seconds must be at least 1, got "${sampleSeconds}"`);
  if (values.video !== undefined && values.video.trim() === '') throw new InputError('--video needs a path');
  return { minutes, sampleSeconds, video: values.video ?? null };
}
