import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { contentSecurityPolicy, headersFile, securityHeaders } from './scripts/securityHeaders.ts';
import { localAssets } from './scripts/viteLocalAssets.ts';

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
  const dev = command === 'serve' && process.env.SEGMETER_STRICT_CSP !== '1';
  // The meta tag covers any host; headers (dev, preview, and _headers for static hosts) add frame-ancestors.
  const metaCsp = contentSecurityPolicy(dev, false);
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
            `<head>\n    <meta http-equiv="Content-Security-Policy" content="${metaCsp}" />`,
          ),
        // Static hosts read the headers from _headers (Netlify, Cloudflare Pages): written with every build.
        generateBundle() {
          this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
        },
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
    server: { headers: securityHeaders(dev), proxy: otlpProxy },
    preview: { headers: securityHeaders(), proxy: otlpProxy },
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
