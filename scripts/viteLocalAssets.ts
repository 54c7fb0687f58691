import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Plugin } from 'vite';

/** A URL prefix served from a folder on disk, optionally only some of its files. */
export interface AssetMount {
  prefix: string;
  dir: string;
  include?: (file: string) => boolean;
}

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.js': 'text/javascript',
  '.data': 'application/octet-stream',
  '.tflite': 'application/octet-stream',
  '.binarypb': 'application/octet-stream',
  '.md': 'text/markdown',
};

function filesOf(mount: AssetMount): string[] {
  return readdirSync(mount.dir).filter(
    (f) => statSync(join(mount.dir, f)).isFile() && (mount.include?.(f) ?? true),
  );
}

/**
 * The file a request names under a mount, or null (404): outside the folder, a folder itself (`GET /mediapipe/`
 * would otherwise read a directory: EISDIR), a malformed escape, a file the mount leaves out or one that is missing.
 */
export function assetPath(mount: AssetMount, url: string): string | null {
  let file: string;
  try {
    file = normalize(decodeURIComponent(url.slice(mount.prefix.length)));
  } catch {
    return null;
  }
  if (file === '.' || file.startsWith('..') || file.includes('\0') || !(mount.include?.(file) ?? true))
    return null;
  const path = join(mount.dir, file);
  try {
    return statSync(path).isFile() ? path : null;
  } catch {
    return null;
  }
}

/**
 * Serves model weights and runtime files from the app's own origin: from their folders (models/, node_modules) in
 * dev, and copied into the build, so nothing is committed twice and nothing is fetched from a CDN.
 */
export function localAssets(mounts: AssetMount[]): Plugin {
  return {
    name: 'segmeter-local-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0];
        const mount = mounts.find((m) => url.startsWith(m.prefix));
        if (!mount) return next();
        const path = assetPath(mount, url);
        if (!path) {
          res.statusCode = 404;
          res.end('not found');
          return;
        }
        res.setHeader('Content-Type', TYPES[extname(path)] ?? 'application/octet-stream');
        // A read error mid-stream (file removed, permissions) ends this response, never the server.
        createReadStream(path)
          .on('error', () => {
            if (!res.headersSent) res.statusCode = 500;
            res.end();
          })
          .pipe(res);
      });
    },
    generateBundle() {
      for (const mount of mounts) {
        for (const file of filesOf(mount)) {
          this.emitFile({
            type: 'asset',
            fileName: `${mount.prefix.slice(1)}${file}`,
            source: readFileSync(join(mount.dir, file)),
          });
        }
      }
    },
  };
}
