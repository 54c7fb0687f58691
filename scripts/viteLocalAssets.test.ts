import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AssetMount, assetPath, localAssets } from './viteLocalAssets';

const dir = mkdtempSync(join(tmpdir(), 'assets-'));
writeFileSync(join(dir, 'runtime.js'), 'ok');
mkdirSync(join(dir, 'sub'));
const mount: AssetMount = { prefix: '/mediapipe/', dir };

type Handler = (req: { url?: string }, res: FakeResponse, next: () => void) => void;
interface FakeResponse {
  statusCode: number;
  headersSent: boolean;
  body: string;
  setHeader(name: string, value: string): void;
  end(chunk?: string): void;
}

/** The plugin's real dev middleware, fed one request. */
function request(url: string): Promise<FakeResponse> {
  let handler: Handler | null = null;
  const plugin = localAssets([mount]);
  const configure = plugin.configureServer as (server: unknown) => void;
  configure({ middlewares: { use: (h: Handler) => (handler = h) } });
  return new Promise((resolve, reject) => {
    const res: FakeResponse = {
      statusCode: 200,
      headersSent: false,
      body: '',
      setHeader: () => undefined,
      end(chunk?: string) {
        if (chunk) res.body += chunk;
        resolve(res);
      },
    };
    try {
      handler?.({ url }, res, () => resolve(res));
    } catch (err) {
      reject(err);
    }
  });
}

describe('localAssets', () => {
  it('answers 404, and does not throw, for a folder, a bad escape, a way out or a missing file', async () => {
    for (const url of [
      '/mediapipe/',
      '/mediapipe/sub',
      '/mediapipe/%E0%A4%A',
      '/mediapipe/../package.json',
      '/mediapipe/nope.js',
    ]) {
      expect(assetPath(mount, url)).toBeNull();
      expect((await request(url)).statusCode).toBe(404);
    }
  });

  it('serves a file under the mount', async () => {
    expect(assetPath(mount, '/mediapipe/runtime.js')).toBe(join(dir, 'runtime.js'));
  });
});
