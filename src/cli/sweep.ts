/**
 * npm run sweep -- --video PATH [--grid FILE] [--policy target|adaptive] [--targets 0.9,0.95,0.97] [--warp on|off|on,off]
 *                  [--model ID] [--backend auto|wasm|webgl|cpu] [--target-iou N] [--out FILE] [--otlp URL]
 *
 * Replays the clip once in the built app in headless Chromium with the model on every frame, and evaluates every
 * gate setting of the grid (default: defaultGrid()) against that one reference pass; --warp runs every setting with
 * the cached mask moved with the person (on), unmoved (off) or both. --targets sweeps the quality target itself
 * (target policy; the default gate settings unless --grid) and prints, per target, inferences per frame, mean and
 * p05 IoU and the as-if month of the Report's default scenario at the per-image entry: the cost of quality. Progress goes to stderr; the
 * last line of stdout is one JSON object (also written to --out): points, the Pareto front, the recommended point.
 * Bad input: one line on stderr, exit 1; bad command line: exit 2.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_GATE_SETTINGS, type GateSettings } from '../core/gate/gateSettings.ts';
import { loadDefaultCatalog } from '../core/pricing/defaultCatalog.ts';
import { formatUSD } from '../core/pricing/formatUSD.ts';
import { costOfQuality } from '../core/sweep/costOfQuality.ts';
import { defaultGrid } from '../core/sweep/defaultGrid.ts';
import { parseGrid } from '../core/sweep/parseGrid.ts';
import { DEFAULT_TARGET_IOU } from '../core/sweep/recommendPoint.ts';
import { summarizeSweep } from '../core/sweep/summarizeSweep.ts';
import { DEFAULT_SWEEP_POLICY, type SweepPolicy } from '../core/sweep/sweepTypes.ts';
import type { SweepProgress, SweepRun } from '../engine/replay/sweepReplay.ts';
import { BACKENDS, checkedInput, checkWritable, failer, readInputFile, readInputText } from './cliInput.ts';
import { exportSweepTelemetry, parseOtlpUrl } from './cliTelemetry.ts';
import { ensureBuilt, openHeadlessApp, serveVideo } from './headlessApp.ts';

const USAGE =
  'usage: sweep --video PATH [--grid FILE] [--policy target|adaptive] [--targets LIST] [--warp on|off|on,off] [--model ID] [--backend auto|wasm|webgl|cpu] [--target-iou N] [--out FILE] [--otlp URL]';
// Annotated so that TypeScript knows a call never returns.
const fail: (message: string, code: number) => never = failer('sweep');

function readGrid(path: string): GateSettings[] {
  const parsed = parseGrid(readInputText('grid file', path));
  return checkedInput('grid file', path, parsed.ok ? { ok: true, value: parsed.grid } : parsed);
}

const seconds = (ms: number | null) => (ms === null ? '?' : `${Math.round(ms / 1000)} s`);

async function main(): Promise<void> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        video: { type: 'string' },
        grid: { type: 'string' },
        policy: { type: 'string' },
        targets: { type: 'string' },
        warp: { type: 'string' },
        model: { type: 'string', default: 'selfie-general-tfjs' },
        backend: { type: 'string', default: 'auto' },
        'target-iou': { type: 'string' },
        out: { type: 'string' },
        otlp: { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    fail(`${(err as Error).message.split('\n')[0]}; ${USAGE}`, 2);
  }
  if (!values.video) fail(`--video is required; ${USAGE}`, 2);
  const backend = values.backend ?? 'auto';
  if (!BACKENDS.includes(backend)) fail(`--backend must be one of ${BACKENDS.join(', ')}`, 2);
  const targetIou = values['target-iou'] === undefined ? DEFAULT_TARGET_IOU : Number(values['target-iou']);
  if (!(targetIou >= 0 && targetIou <= 1)) fail('--target-iou must be a number within 0..1', 2);

  const policyArg = values.policy ?? DEFAULT_SWEEP_POLICY;
  if (policyArg !== 'target' && policyArg !== 'adaptive') fail('--policy must be target or adaptive', 2);
  const policy: SweepPolicy = policyArg;
  const targets = values.targets === undefined ? undefined : values.targets.split(',').map(Number);
  if (targets && (targets.length > 20 || targets.some((t) => !(t > 0.1 && t < 1))))
    fail('--targets must be up to 20 mean IoU targets within 0.1..1, e.g. 0.9,0.95,0.97', 2);
  if (targets && policy !== 'target')
    fail('--targets sweeps the target policy: leave out --policy adaptive', 2);
  const warps = values.warp === undefined ? null : values.warp.split(',');
  if (warps && (warps.length === 0 || warps.some((w) => w !== 'on' && w !== 'off')))
    fail('--warp must be on, off or on,off', 2);

  const otlp = values.otlp === undefined ? null : parseOtlpUrl(values.otlp);
  if (values.otlp !== undefined && otlp === null)
    fail('--otlp must be an http(s) URL, e.g. http://127.0.0.1:4318', 2);

  let video: Buffer;
  let grid: GateSettings[];
  try {
    video = readInputFile('video', values.video);
    grid = values.grid ? readGrid(values.grid) : targets ? [{ ...DEFAULT_GATE_SETTINGS }] : defaultGrid();
    if (warps) grid = warps.flatMap((w) => grid.map((g) => ({ ...g, warp: w === 'on' })));
    // Checked now, not after the whole sweep: a typo in the folder must not lose the run.
    if (values.out) checkWritable('--out', values.out);
  } catch (err) {
    fail((err as Error).message, 1);
  }

  const log = (line: string) => process.stderr.write(`${line}\n`);
  await ensureBuilt(log);
  const app = await openHeadlessApp();
  try {
    const { page } = app;
    await serveVideo(page, '/__sweep/video', values.video ?? '', video);
    let lastLogged = 0;
    await page.exposeFunction('__sweepProgress', (p: SweepProgress) => {
      const now = Date.now();
      if (now - lastLogged < 5000 && p.framesDone < p.frames) return;
      lastLogged = now;
      log(
        `  ${p.done}/${p.total} point-frames (frame ${p.framesDone}/${p.frames}), ${seconds(p.msLeft)} left`,
      );
    });
    await page.goto(`${app.url}/?bench=1&backend=${backend}&model=${encodeURIComponent(values.model ?? '')}`);
    await page.waitForFunction(() => window.segmeter !== undefined);
    log(`sweeping ${values.video} over ${grid.length} gate settings (${policy}, backend ${backend})...`);
    const run = await page.evaluate(
      (opts) => {
        const live = window.segmeter;
        if (!live) throw new Error('the app did not start');
        // The exposed binding itself, not a wrapper: tsx would name a nested function with a helper the page lacks.
        const onProgress = (window as unknown as { __sweepProgress: (p: SweepProgress) => void })
          .__sweepProgress;
        return live.sweep({ ...opts, onProgress });
      },
      { videoUrl: '/__sweep/video', grid, policy, targets },
    );
    const result = summarizeSweep(resolve(values.video), (run as SweepRun).frames, (run as SweepRun).points, {
      targetIou,
      catalog: loadDefaultCatalog(),
    });
    const cost = targets ? costOfQuality(result.points, loadDefaultCatalog()) : null;
    if (cost) {
      log(`cost of quality (${cost.scenario}, ${cost.entry}):`);
      log('  target  warp  inferences/frame  mean IoU  p05 IoU  $/month');
      for (const r of cost.rows)
        log(
          `  ${r.target.toFixed(3)}   ${r.warp ? 'on ' : 'off'}   ${r.inferencesPerFrame.toFixed(3).padStart(16)}  ${r.iouMean.toFixed(3).padStart(8)}  ${r.iouP05.toFixed(3).padStart(7)}  ${formatUSD(r.monthlyUSD)}`,
        );
      for (const line of cost.sentences) log(line);
    }
    const json = JSON.stringify(cost ? { ...result, costOfQuality: cost } : result);
    if (values.out) writeFileSync(values.out, `${json}\n`);
    process.stdout.write(`${json}\n`);
    const asIf = loadDefaultCatalog().filter((e) => e.id === result.asIfEntry);
    if (otlp) await exportSweepTelemetry(otlp, run as SweepRun, result, asIf);
  } finally {
    await app.close();
  }
}

main().catch((err: Error) => fail(err.message.split('\n')[0], 1));
