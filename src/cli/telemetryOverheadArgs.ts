/** `npm run telemetry-overhead`'s command line: how many rounds of how long windows, and the export interval. */
import { parseArgs } from 'node:util';
import { BACKENDS, boundedInteger, boundedNumber, InputError } from './cliInput.ts';

export const OVERHEAD_USAGE =
  'usage: telemetry-overhead [--rounds N] [--window S] [--settle S] [--interval S] [--backend auto|wasm|webgl|cpu|webgpu]';

export interface OverheadArgs {
  /** Rounds of the four windows (off, ok, 503, hang). */
  rounds: number;
  /** Seconds each window is measured. */
  windowS: number;
  /** Seconds after each switch before the window starts (the switch itself is not what is measured). */
  settleS: number;
  /** The app's export interval during the run, whole seconds (the app's own floor is 1 s, its default 15 s). */
  intervalS: number;
  backend: string;
}

/** Parses the command line; an InputError (one line) on anything it cannot use. */
export function parseOverheadArgs(argv: string[]): OverheadArgs {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        rounds: { type: 'string', default: '4' },
        window: { type: 'string', default: '10' },
        settle: { type: 'string', default: '1' },
        interval: { type: 'string', default: '1' },
        backend: { type: 'string', default: 'wasm' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new InputError((err as Error).message.split('\n')[0]);
  }
  const rounds = boundedInteger('--rounds', values.rounds ?? '4', 1, 100);
  if (typeof rounds === 'string') throw new InputError(rounds);
  const intervalS = boundedInteger('--interval', values.interval ?? '1', 1, 3600);
  if (typeof intervalS === 'string') throw new InputError(intervalS);
  const backend = values.backend ?? 'wasm';
  if (!BACKENDS.includes(backend))
    throw new InputError(`--backend must be one of ${BACKENDS.join(', ')}, got "${backend}"`);
  return {
    rounds,
    windowS: boundedNumber('--window', values.window ?? '10', 'seconds', { from: 0.5, max: 600 }),
    settleS: boundedNumber('--settle', values.settle ?? '1', 'seconds', { from: 0, max: 60 }),
    intervalS,
    backend,
  };
}
