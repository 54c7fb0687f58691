import { describe, expect, it } from 'vitest';
import { InputError } from './cliInput.ts';
import { parseSoakArgs } from './soakArgs.ts';

describe('parseSoakArgs', () => {
  it('samples once a minute on the bundled sample by default', () => {
    expect(parseSoakArgs(['--minutes', '60'])).toEqual({ minutes: 60, sampleSeconds: 60, video: null });
  });

  it('takes fractional minutes, a sample period and a clip', () => {
    expect(parseSoakArgs(['--minutes=0.5', '--sample-seconds', '10', '--video', 'a.mp4'])).toEqual({
      minutes: 0.5,
      sampleSeconds: 10,
      video: 'a.mp4',
    });
  });

  it.each([['abc'], ['0'], ['-5'], [''], ['Infinity'], ['1e9']])(
    'refuses --minutes %j in one line',
    (value) => {
      expect(() => parseSoakArgs([`--minutes=${value}`])).toThrow(InputError);
      expect(() => parseSoakArgs([`--minutes=${value}`])).toThrow(/^--minutes must be a number of minutes/);
    },
  );

  it.each([['x'], ['0'], ['0.5'], ['-1']])('refuses --sample-seconds %j', (value) => {
    expect(() => parseSoakArgs(['--minutes', '1', `--sample-seconds=${value}`])).toThrow(/^--sample-seconds/);
  });

  it('needs --minutes, and refuses unknown options and an empty --video', () => {
    expect(() => parseSoakArgs([])).toThrow(/--minutes is required/);
    expect(() => parseSoakArgs(['--minutes', '1', '--fast'])).toThrow(InputError);
    expect(() => parseSoakArgs(['--minutes', '1', '--video='])).toThrow(/--video needs a path/);
  });
});
