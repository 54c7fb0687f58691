/**
 * The security policy the app is served with, in one place: vite.config.ts sends it as headers (dev, preview) and
 * as a meta tag (any host), and the build writes it as `_headers` for static hosts (Netlify, Cloudflare Pages).
 *
 * Only the app's own origin. 'wasm-unsafe-eval' lets the tfjs and MediaPipe wasm runtimes compile; blob: and
 * mediastream: are the user's own files and camera. Dev adds inline scripts for React's hot-reload preamble.
 * `frame-ancestors` only works as a header (a meta tag ignores it), so the meta policy leaves it out.
 */
export function contentSecurityPolicy(dev: boolean, header = true): string {
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
    ...(header ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

/**
 * Every response's security headers: the policy, no framing, no MIME sniffing, no referrer, and cross-origin
 * isolation (COOP same-origin + COEP require-corp; the app loads nothing from elsewhere, so nothing needs CORP).
 * Isolation is what lets performance.now() tick in 5 us steps instead of 100 us in Chromium, so that sub-millisecond
 * stage timings (the gate, the warp, the compositor's main-thread share) are measured, not rounded. A host that
 * does not send headers gets the meta policy only: the app runs the same, with coarser timers.
 */
export function securityHeaders(dev = false): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(dev),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** The same headers as a `_headers` file (Netlify and Cloudflare Pages format), for every path. */
export function headersFile(): string {
  const lines = Object.entries(securityHeaders()).map(([name, value]) => `  ${name}: ${value}`);
  return `# Written by the build from scripts/securityHeaders.ts: edit that, not this.\n/*\n${lines.join('\n')}\n`;
}
