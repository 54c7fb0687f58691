import { describe, expect, it } from 'vitest';
import { boundedNumber, InputError } from './cliInput.ts';

describe('boundedNumber', () => {
  it('takes a number above an excluded bound, up to and including max', () => {
    expect(boundedNumber('--minutes', '0.5', 'minutes', { above: 0, max: 1440 })).toBe(0.5);
    expect(boundedNumber('--minutes', '1440', 'minutes', { above: 0, max: 1440 })).toBe(1440);
  });

  it('takes a number from an included bound', () => {
    expect(boundedNumber('--settle', '0', 'seconds', { from: 0, max: 60 })).toBe(0);
    expect(boundedNumber('--window', '600', 'seconds', { from: 0.5, max: 600 })).toBe(600);
  });

  it.each(['0', '-1', '', ' ', 'abc', 'Infinity', 'NaN', '3601'])(
    'refuses %j above 0, naming the option',
    (text) => {
      const read = () => boundedNumber('--seconds', text, 'seconds', { above: 0, max: 3600 });
      expect(read).toThrow(InputError);
      expect(read).toThrow(`--seconds must be a number of seconds above 0 (at most 3600), got "${text}"`);
    },
  );

  it.each(['0.4', '601', 'x'])('refuses %j from 0.5, naming the option', (text) => {
    expect(() => boundedNumber('--window', text, 'seconds', { from: 0.5, max: 600 })).toThrow(
      `--window must be a number of seconds from 0.5 to 600, got "${text}"`,
    );
  });
});
