/** What the Node tools share for reading their input: one-line errors, exit codes, and video serving. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

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
