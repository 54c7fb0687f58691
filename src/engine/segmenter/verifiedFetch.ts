import { type ModelEntry, modelFileUrl } from '../../core/modelManifest';

/** A model file that is missing, unreadable or not the one the manifest names. The message names the file. */
export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ModelFileError';
  }
}

async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Fetches one file of a model from the app's origin and checks its sha256 against the manifest. */
export async function fetchVerified(path: string, sha256: string): Promise<ArrayBuffer> {
  const url = modelFileUrl(path);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (err) {
    throw new ModelFileError(url, `Model file ${url} could not be fetched: ${(err as Error).message}`);
  }
  if (!response.ok) throw new ModelFileError(url, `Model file ${url} is missing (HTTP ${response.status})`);
  const data = await response.arrayBuffer();
  const got = await sha256Hex(data);
  if (got !== sha256) {
    throw new ModelFileError(
      url,
      `Model file ${url} is corrupt: its sha256 is ${got.slice(0, 12)}…, the manifest says ${sha256.slice(0, 12)}…`,
    );
  }
  return data;
}

/** Fetches and checks every file of a model, in manifest order. */
export async function fetchModelFiles(model: ModelEntry): Promise<Map<string, ArrayBuffer>> {
  const files = await Promise.all(model.files.map((f) => fetchVerified(f.path, f.sha256)));
  return new Map(model.files.map((f, i) => [f.path, files[i]]));
}
