import { openHeadlessApp } from '../src/cli/headlessApp.ts';
async function main() {
const path = process.argv[2] ?? 'direct';
const app = await openHeadlessApp();
const { page } = app;
page.on('console', (m) => { if (m.type() === 'error') console.error('console:', m.text()); });
await page.goto(`${app.url}/?policy=every-frame&backend=wasm&path=${path}`);
await page.waitForFunction(() => window.segmeter !== undefined);
await page.evaluate(() => window.segmeter?.modelReady);
await page.waitForTimeout(8000);
const s = await page.evaluate(() => window.segmeter?.snapshot());
console.log(path, JSON.stringify({ stats: s?.stats, seg: s?.segmenter, totals: s?.totals, firstMaskMs: s?.firstMaskMs, compose: s?.composeMsP50, notices: s?.notices.map(n=>n.text) }));
await app.close();
}
main();
