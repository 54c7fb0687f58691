/** `npm run measure`'s command line: which rows to measure and for how long. */
import { parseArgs } from 'node:util';
import { boundedNumber, InputError } from './cliInput.ts';

/** One measured configuration: `key` is what `--rows` names it by. */
export interface MeasureConfig {
  key: string;
  model: string;
  /** The backend asked for in the URL; null opens the app as a user does (backend "auto"). */
  backend: string | null;
}

export const MEASURE_CONFIGS: MeasureConfig[] = [
  { key: 'wasm', model: 'selfie-general-tfjs', backend: 'wasm' },
  { key: 'webgl', model: 'selfie-general-tfjs', backend: 'webgl' },
  { key: 'cpu', model: 'selfie-general-tfjs', backend: 'cpu' },
  { key: 'webgpu', model: 'selfie-general-tfjs', backend: 'webgpu' },
  { key: 'auto', model: 'selfie-general-tfjs', backend: null },
  { key: 'mediapipe-general', model: 'selfie-general-mediapipe', backend: 'auto' },
  { key: 'mediapipe-landscape', model: 'selfie-landscape-mediapipe', backend: 'auto' },
];

export const MEASURE_USAGE = `usage: measure [--seconds N] [--rows ${MEASURE_CONFIGS.map((c) => c.key).join(',')}|mediapipe] [--compositor worker,main] [--json]`;

/** Where the app composites (`?compositor=`); null leaves the app's own choice. */
export type MeasureCompositor = 'worker' | 'main' | null;

export interface MeasureArgs {
  seconds: number;
  configs: MeasureConfig[];
  /** Each row is measured once per compositor, side by side in the same run. */
  compositors: MeasureCompositor[];
}

function pickCompositors(spec: string | undefined): MeasureCompositor[] {
  if (spec === undefined) return [null];
  const tokens = spec.split(',').map((t) => t.trim());
  const unknown = tokens.filter((t) => t !== 'worker' && t !== 'main');
  if (unknown.length > 0)
    throw new InputError(`--compositor: unknown "${unknown.join(', ')}" (worker, main)`);
  return [...new Set(tokens as ('worker' | 'main')[])];
}

/** A `--rows` token names a row by key, or a family by prefix ("mediapipe" = both mediapipe rows). */
function pickConfigs(spec: string): MeasureConfig[] {
  const tokens = spec.split(',').map((t) => t.trim());
  const unknown = tokens.filter(
    (t) => !MEASURE_CONFIGS.some((c) => c.key === t || c.key.startsWith(`${t}-`)),
  );
  if (unknown.length > 0 || tokens.length === 0) {
    throw new InputError(
      `--rows: unknown row "${unknown.join(', ')}" (one or more of ${MEASURE_CONFIGS.map((c) => c.key).join(', ')}, mediapipe)`,
    );
  }
  return MEASURE_CONFIGS.filter((c) => tokens.some((t) => c.key === t || c.key.startsWith(`${t}-`)));
}

/** Parses the command line; an InputError (one line) on anything it cannot use. */
export function parseMeasureArgs(argv: string[]): MeasureArgs {
  let values: { seconds?: string; rows?: string; compositor?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        seconds: { type: 'string', default: '12' },
        rows: { type: 'string' },
        compositor: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (err) {
    throw new InputError((err as Error).message.split('\n')[0]);
  }
  return {
    seconds: boundedNumber('--seconds', values.seconds ?? '12', 'seconds', { above: 0, max: 3600 }),
    configs: values.rows === undefined ? MEASURE_CONFIGS : pickConfigs(values.rows),
    compositors: pickCompositors(values.compositor),
  };
}
