/** What the Node tools share for reading their input: one-line errors, exit codes, and video serving. */
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';

/** Bad input named for the person at the terminal: one line on stderr, exit 1. */
export class InputError extends Error {}

/** Backends the headless tools accept for `--backend`. */
export const BACKENDS = ['auto', 'wasm', 'webgl', 'cpu', 'webgpu'];

const VIDEO_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mov': 'video/quicktime',
  '.mkv': 'video/x-matroska',
  '.ogv': 'video/ogg',
};

/** The content type a video file is served with to the page (the browser decides whether it can decode it). */
export function videoType(path: string): string {
  return VIDEO_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Prints `tool: message` on stderr and exits: 1 for bad input, 2 for a bad command line. */
export function failer(tool: string): (message: string, code: number) => never {
  return (message, code) => {
    process.stderr.write(`${tool}: ${message}\n`);
    process.exit(code);
  };
}

function reason(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

/** A file's bytes; an InputError naming it when it is missing, unreadable or empty. */
export function readInputFile(kind: string, path: string): Buffer {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (err) {
    throw new InputError(`cannot read ${kind} ${path} (${reason(err)})`);
  }
  if (data.length === 0) throw new InputError(`${kind} ${path} is empty`);
  return data;
}

/** A file's text; an InputError naming it when it cannot be read. */
export function readInputText(kind: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${kind} ${path} (${reason(err)})`);
  }
}

/** The parsed value, or an InputError listing every bad field of the file. */
export function checkedInput<T>(
  kind: string,
  path: string,
  result: { ok: true; value: T } | { ok: false; errors: string[] },
): T {
  if (!result.ok) throw new InputError(`${kind} ${path} is invalid: ${result.errors.join('; ')}`);
  return result.value;
}

/**
 * Checks, before a run of minutes, that `path` can be written when the run ends (`--out`, `--events`): its folder
 * exists and is writable, and the path is not a folder. An InputError naming the option otherwise.
 */
export function checkWritable(option: string, path: string): void {
  const full = resolve(path);
  const dir = dirname(full);
  let folder: ReturnType<typeof statSync>;
  try {
    folder = statSync(dir);
  } catch (err) {
    throw new InputError(`cannot write ${option} ${path}: folder ${dir} does not exist (${reason(err)})`);
  }
  if (!folder.isDirectory()) throw new InputError(`cannot write ${option} ${path}: ${dir} is not a folder`);
  let existing: ReturnType<typeof statSync> | null = null;
  try {
    existing = statSync(full);
  } catch {
    existing = null;
  }
  if (existing?.isDirectory()) throw new InputError(`cannot write ${option} ${path}: it is a folder`);
  try {
    accessSync(existing ? full : dir, constants.W_OK);
  } catch (err) {
    throw new InputError(`cannot write ${option} ${path} (${reason(err)})`);
  }
}

/** `--seconds`-style options: a whole number within [min, max], or an error message for the command line. */
export function boundedInteger(option: string, text: string, min: number, max: number): number | string {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max)
    return `${option} must be a whole number from ${min} to ${max}, got "${text}"`;
  return value;
}

/** The range a `boundedNumber` accepts: above a bound (excluded) or from one (included), up to `max`. */
export type NumberRange = { above: number; max: number } | { from: number; max: number };

/**
 * `--minutes`-style options: a finite number within `range`, in `unit`s (named in the message), or an InputError
 * naming the option.
 */
export function boundedNumber(option: string, text: string, unit: string, range: NumberRange): number {
  const value = Number(text);
  const low = 'above' in range ? value > range.above : value >= range.from;
  if (text.trim() !== '' && Number.isFinite(value) && low && value <= range.max) return value;
  const bounds =
    'above' in range ? `above ${range.above} (at most ${range.max})` : `from ${range.from} to ${range.max}`;
  throw new InputError(`${option} must be a number of ${unit} ${bounds}, got "${text}"`);
}
