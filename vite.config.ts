import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { localAssets } from './scripts/viteLocalAssets';

/**
 * Only the app's own origin. 'wasm-unsafe-eval' lets the tfjs and MediaPipe wasm runtimes compile; blob: and
 * mediastream: are the user's own files and camera. Dev adds inline scripts for React's hot-reload preamble.
 */
function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${dev ? " 'unsafe-inline'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "connect-src 'self' data: blob:",
    "worker-src 'self' blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The browser posts telemetry to its own origin (/otlp/v1/metrics, /otlp/v1/logs), so the CSP stays 'self'; dev and
 * preview forward /otlp to an OpenTelemetry Collector's OTLP/HTTP receiver (static hosting: see README).
 */
const otlpProxy = {
  '/otlp': {
    target: process.env.SEGMETER_OTLP_TARGET ?? 'http://127.0.0.1:4318',
    changeOrigin: true,
    rewrite: (path: string) => path.replace(/^\/otlp/, ''),
  },
};

export default defineConfig(({ command }) => {
  const csp = contentSecurityPolicy(command === 'serve' && process.env.SEGMETER_STRICT_CSP !== '1');
  return {
    plugins: [
      react(),
      localAssets([
        { prefix: '/models/', dir: 'models', include: (f) => /\.(json|bin)$/.test(f) },
        {
          prefix: '/mediapipe/',
          dir: 'node_modules/@mediapipe/selfie_segmentation',
          include: (f) => !/\.(d\.ts|md)$|^package\.json$/.test(f),
        },
        {
          prefix: '/tfjs-wasm/',
          dir: 'node_modules/@tensorflow/tfjs-backend-wasm/dist',
          include: (f) => f.endsWith('.wasm'),
        },
      ]),
      {
        name: 'segmeter-csp',
        transformIndexHtml: (html) =>
          html.replace(
            '<head>',
            `<head>\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`,
          ),
      },
    ],
    resolve: {
      // The MediaPipe solution script attaches itself to globalThis; body-segmentation imports it as a module.
      alias: {
        '@mediapipe/selfie_segmentation': fileURLToPath(
          new URL('./src/engine/segmenter/mediapipeGlobal.ts', import.meta.url),
        ),
      },
    },
    worker: { format: 'es' },
    server: { headers: { 'Content-Security-Policy': csp }, proxy: otlpProxy },
    preview: { headers: { 'Content-Security-Policy': contentSecurityPolicy(false) }, proxy: otlpProxy },
    build: {
      target: 'es2022',
      chunkSizeWarningLimit: 4096,
      // bench/*.html: measuring anchors for `npm run measure` (same origin, same CSP), not linked from the app.
      rolldownOptions: {
        input: {
          main: fileURLToPath(new URL('./index.html', import.meta.url)),
          demoLoop: fileURLToPath(new URL('./bench/demoLoop.html', import.meta.url)),
          bareModel: fileURLToPath(new URL('./bench/bareModel.html', import.meta.url)),
        },
      },
    },
  };
});
