import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
        const file = normalize(decodeURIComponent(url.slice(mount.prefix.length)));
        const path = join(mount.dir, file);
        if (file.startsWith('..') || !existsSync(path) || !(mount.include?.(file) ?? true)) {
          res.statusCode = 404;
          res.end('not found');
          return;
        }
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        createReadStream(path).pipe(res);
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
