/**
 * The built app in headless Chromium, for the Node tools (bench, and later sweep and report): builds the app when
 * dist/ is missing or older than its sources, serves it with `vite preview` on a free port, and opens a page.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { build, type PreviewServer, preview } from 'vite';
import { BASE_ARGS, executablePath } from './chromiumLaunch.ts';
import { videoType } from './cliInput.ts';

const ROOT = process.cwd();
// SEGMETER_DIST: a build folder of one's own, so two people's tools on one machine do not rebuild each other's.
const OUT_DIR = process.env.SEGMETER_DIST || 'dist';
const DIST = join(ROOT, OUT_DIR);
const SOURCES = ['src', 'models', 'public', 'index.html', 'bench', 'vite.config.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the app unless dist/ is newer than every source. Returns whether it built. */
export async function ensureBuilt(log: (line: string) => void): Promise<boolean> {
  const built = newestMtime(join(DIST, 'index.html'));
  const sources = Math.max(...SOURCES.map((s) => newestMtime(join(ROOT, s))));
  if (built > sources) return false;
  log(`building the app (${OUT_DIR}/ is missing or older than its sources)...`);
  await build({ logLevel: 'error', build: { outDir: OUT_DIR } });
  return true;
}

export interface HeadlessApp {
  page: Page;
  url: string;
  /** A page in a fresh browser context (empty cache and storage) of the same browser, as a first visit. */
  fresh(): Promise<Page>;
  close(): Promise<void>;
}

/** Serves dist/ and opens it in headless Chromium (Debian's where installed). */
export async function openHeadlessApp(): Promise<HeadlessApp> {
  const server: PreviewServer = await preview({
    logLevel: 'error',
    preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    build: { outDir: OUT_DIR },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the preview server has no port');
  const url = `http://127.0.0.1:${address.port}`;
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath,
      args: BASE_ARGS,
    });
    const page = await browser.newPage();
    const opened = browser;
    return {
      page,
      url,
      fresh: async () => (await opened.newContext()).newPage(),
      async close() {
        await opened.close();
        await server.close();
      },
    };
  } catch (err) {
    await browser?.close();
    await server.close();
    throw err;
  }
}

/** Serves a local video file to the page at `urlPath` (same origin, so the app's CSP lets it in). */
export async function serveVideo(page: Page, urlPath: string, path: string, bytes: Buffer): Promise<void> {
  await page.route(`**${urlPath}`, (route) => route.fulfill({ body: bytes, contentType: videoType(path) }));
}
