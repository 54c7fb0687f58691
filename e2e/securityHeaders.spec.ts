import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { securityHeaders } from '../scripts/securityHeaders';

// The policy ships as response headers (vite preview here, _headers on a static host), and it binds the worker.
const DIST = process.env.E2E_DIST ?? 'dist';
const workerFile = () => readdirSync(join(DIST, 'assets')).find((f) => /^segmenter\.worker-.*\.js$/.test(f));

test('the page and the built worker script are served with the policy, no framing, nosniff, no referrer', async ({
  request,
}) => {
  const expected = securityHeaders();
  const worker = workerFile();
  expect(worker).toBeDefined();
  for (const path of ['/', `/assets/${worker}`]) {
    const response = await request.get(path);
    expect(response.ok(), path).toBe(true);
    const headers = response.headers();
    expect(headers['content-security-policy'], path).toBe(expected['Content-Security-Policy']);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
  }
  // Static hosting gets the same values from the build's _headers file.
  const file = readFileSync(join(DIST, '_headers'), 'utf8');
  for (const [name, value] of Object.entries(expected)) expect(file).toContain(`  ${name}: ${value}\n`);
});

test('a worker served under the policy cannot fetch from another origin', async ({ page }) => {
  let hits = 0;
  const other = createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*' });
    res.end('leak');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
  try {
    // The other origin is up and answers a plain request (so a failure below is the policy, not the network).
    expect(await (await fetch(target)).text()).toBe('leak');
    hits = 0;
    // A probe in place of the worker's code, with the headers the server sends for the real worker script.
    const worker = workerFile();
    await page.route(`**/assets/${worker}?probe`, async (route) => {
      const response = await route.fetch({ url: route.request().url().replace('?probe', '') });
      await route.fulfill({
        response,
        contentType: 'text/javascript',
        body: `
          let violation = null;
          self.addEventListener('securitypolicyviolation', (e) => { violation = e.violatedDirective; });
          fetch(${JSON.stringify(target)})
            .then(() => postMessage({ fetched: true, violation }))
            .catch((err) => setTimeout(() => postMessage({ fetched: false, error: String(err), violation }), 100));
        `,
      });
    });
    await page.goto('/?bench=1');
    const result = await page.evaluate(
      (url) =>
        new Promise<{ fetched: boolean; violation: string | null }>((resolve) => {
          const w = new Worker(url, { type: 'module' });
          w.onmessage = (e) => resolve(e.data);
        }),
      `/assets/${worker}?probe`,
    );
    expect(result.fetched).toBe(false);
    expect(result.violation).toBe('connect-src');
    expect(hits).toBe(0);
  } finally {
    other.close();
  }
});

test('the app is cross-origin isolated, so its worker runs and its stage timers tick finer than 0.1 ms', async ({
  page,
}) => {
  await page.goto('/?backend=wasm');
  await page.waitForFunction(() => window.segmeter?.snapshot().firstMaskAt, null, { timeout: 60_000 });
  const probe = await page.evaluate(() => {
    // The smallest non-zero step performance.now() takes: 100 us (with jitter) when not isolated, 5 us when isolated.
    let step = Number.POSITIVE_INFINITY;
    let last = performance.now();
    for (let i = 0; i < 200_000 && step > 0.05; i++) {
      const now = performance.now();
      if (now > last) step = Math.min(step, now - last);
      last = now;
    }
    return { isolated: crossOriginIsolated, step };
  });
  expect(probe.isolated).toBe(true);
  expect(probe.step).toBeLessThan(0.05);
});
