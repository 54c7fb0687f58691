import { describe, expect, it } from 'vitest';
import { InputError } from './cliInput.ts';
import { MEASURE_CONFIGS, parseMeasureArgs } from './measureArgs.ts';

describe('parseMeasureArgs', () => {
  it('measures every row for 12 s by default', () => {
    expect(parseMeasureArgs([])).toEqual({ seconds: 12, configs: MEASURE_CONFIGS, compositors: [null] });
  });

  it('measures each row once per compositor asked for', () => {
    expect(parseMeasureArgs(['--compositor', 'main,worker']).compositors).toEqual(['main', 'worker']);
    expect(() => parseMeasureArgs(['--compositor', 'gpu'])).toThrow(/--compositor: unknown "gpu"/);
  });

  it('picks rows by key or by family', () => {
    expect(parseMeasureArgs(['--rows', 'wasm']).configs.map((c) => c.key)).toEqual(['wasm']);
    expect(parseMeasureArgs(['--seconds', '2.5', '--rows', 'mediapipe,wasm'])).toMatchObject({
      seconds: 2.5,
      configs: [{ key: 'wasm' }, { key: 'mediapipe-general' }, { key: 'mediapipe-landscape' }],
    });
  });

  it.each([['abc'], ['0'], ['-5'], [''], ['Infinity']])('refuses --seconds %j in one line', (value) => {
    expect(() => parseMeasureArgs([`--seconds=${value}`])).toThrow(InputError);
    expect(() => parseMeasureArgs([`--seconds=${value}`])).toThrow(/^--seconds must be a number/);
  });

  it('refuses an unknown row, and an unknown option', () => {
    expect(() => parseMeasureArgs(['--rows', 'wasm,gpu'])).toThrow(/unknown row "gpu"/);
    expect(() => parseMeasureArgs(['--fast'])).toThrow(InputError);
  });
});
