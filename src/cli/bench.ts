/**
 * npm run bench -- --video PATH [--policy adaptive|target|every-frame|stride:N] [--gate FILE] [--warp on|off]
 *                  [--model ID] [--backend auto|wasm|webgl|cpu] [--masks DIR] [--out FILE]
 *                  [--budget FILE] [--events FILE] [--inject-runaway FRAME] [--realtime]
 *                  [--otlp URL] [--dump DIR]
 *
 * Replays the clip frame by frame in the built app in headless Chromium (the real model, the real gate), with the
 * model also run on every frame as the reference in the same run. With --realtime, the clip then plays once at its
 * own speed through the live path (busy frames and latency included) and `realtime` gives the displayed masks'
 * IoU against that reference beside the frame-stepped figures. Progress goes to stderr; the last line of stdout
 * is one JSON object (also written to --out). --dump DIR writes the gate's thumbnails and the every-frame masks as the
 * gate study's cache for this clip (src/core/studyCache.ts). Bad input: one line on stderr, exit 1; bad command line: exit 2.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type BenchSummary, summarizeBench } from '../core/benchSummary.ts';
import { createGatePolicy } from '../core/gate/createGatePolicy.ts';
import { DEFAULT_GATE_SETTINGS, type GateSettings, parseGateSettings } from '../core/gate/gateSettings.ts';
import { type BudgetConfig, parseBudget } from '../core/guard/parseBudget.ts';
import { toFrameLogRecords, toNdjson } from '../core/log/frameLog.ts';
import { isPriced } from '../core/pricing/catalogSchema.ts';
import { loadDefaultCatalog } from '../core/pricing/defaultCatalog.ts';
import {
  type RealtimeRecord,
  type RealtimeSummary,
  summarizeRealtime,
} from '../core/quality/realtimeSummary.ts';
import type { BenchFrames } from '../engine/replay/benchReplay.ts';
import {
  BACKENDS,
  checkedInput,
  checkWritable,
  failer,
  InputError,
  readInputFile,
  readInputText,
} from './cliInput.ts';
import { exportBenchTelemetry, parseOtlpUrl } from './cliTelemetry.ts';
import { ensureBuilt, openHeadlessApp, serveVideo } from './headlessApp.ts';
import { writeStudyCache } from './studyCacheFiles.ts';

const USAGE =
  'usage: bench --video PATH [--policy adaptive|target|every-frame|stride:N] [--gate FILE] [--warp on|off] [--model ID] [--backend auto|wasm|webgl|cpu] [--masks DIR] [--out FILE] [--budget FILE] [--events FILE] [--inject-runaway FRAME] [--realtime] [--otlp URL] [--dump DIR]';
/** The entries each frame of --events is priced for: a per-image, a per-minute, a per-16-frames and a GPU-hour API. */
const EVENT_ENTRIES = [
  'aws-rekognition-image-group2',
  'aws-rekognition-video-stored',
  'fal-sam3-video',
  'aws-ec2-g4dn-xlarge',
];
// Annotated so that TypeScript knows a call never returns.
const fail: (message: string, code: number) => never = failer('bench');

function readGate(path: string): GateSettings {
  const parsed = parseGateSettings(readInputText('gate file', path));
  return checkedInput('gate file', path, parsed.ok ? { ok: true, value: parsed.settings } : parsed);
}

function readBudget(path: string): BudgetConfig {
  return checkedInput(
    'budget file',
    path,
    parseBudget(readInputText('budget file', path), loadDefaultCatalog()),
  );
}

function listMasks(dir: string): string[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new InputError(`masks ${dir} is not a folder`);
    names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.png'));
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(
      `cannot read mask folder ${dir} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
  if (names.length === 0) throw new InputError(`mask folder ${dir} holds no .png file`);
  return names.sort().map((n) => join(dir, n));
}

async function main(): Promise<void> {
  let values: Record<string, string | undefined>;
  let realtime = false;
  try {
    const parsed = parseArgs({
      options: {
        video: { type: 'string' },
        policy: { type: 'string', default: 'target' },
        gate: { type: 'string' },
        warp: { type: 'string' },
        model: { type: 'string', default: 'selfie-general-tfjs' },
        backend: { type: 'string', default: 'auto' },
        masks: { type: 'string' },
        out: { type: 'string' },
        budget: { type: 'string' },
        events: { type: 'string' },
        'inject-runaway': { type: 'string' },
        realtime: { type: 'boolean' },
        otlp: { type: 'string' },
        dump: { type: 'string' },
      },
      strict: true,
    });
    const { realtime: live, ...strings } = parsed.values;
    values = strings;
    realtime = live === true;
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`, 2);
  }
  if (!values.video) fail(`--video is required\n${USAGE}`, 2);
  const backend = values.backend ?? 'auto';
  if (!BACKENDS.includes(backend)) fail(`--backend must be one of ${BACKENDS.join(', ')}`, 2);
  const policy = values.policy ?? 'target';
  try {
    createGatePolicy(policy);
  } catch (err) {
    fail((err as Error).message, 2);
  }

  if (values.warp !== undefined && values.warp !== 'on' && values.warp !== 'off')
    fail('--warp must be on or off', 2);

  const otlp = values.otlp === undefined ? null : parseOtlpUrl(values.otlp);
  if (values.otlp !== undefined && otlp === null)
    fail('--otlp must be an http(s) URL, e.g. http://127.0.0.1:4318', 2);
  const runawayAt = values['inject-runaway'] === undefined ? undefined : Number(values['inject-runaway']);
  if (runawayAt !== undefined && !(Number.isInteger(runawayAt) && runawayAt >= 0)) {
    fail('--inject-runaway must be a frame index (an integer >= 0)', 2);
  }

  if (realtime && (values.budget || runawayAt !== undefined || values.dump)) {
    fail('--realtime measures live quality: it does not take --budget, --inject-runaway or --dump', 2);
  }

  let video: Buffer;
  let gate: GateSettings;
  let masks: string[] | null;
  let budget: BudgetConfig | undefined;
  try {
    video = readInputFile('video', values.video);
    gate = values.gate ? readGate(values.gate) : { ...DEFAULT_GATE_SETTINGS };
    // --warp overrides the gate file's choice.
    if (values.warp !== undefined) gate.warp = values.warp === 'on';
    masks = values.masks ? listMasks(values.masks) : null;
    budget = values.budget ? readBudget(values.budget) : undefined;
    // Checked now, not after minutes of benchmarking: a typo in the folder must not lose the run.
    if (values.out) checkWritable('--out', values.out);
    if (values.events) checkWritable('--events', values.events);
    if (values.dump) mkdirSync(values.dump, { recursive: true });
  } catch (err) {
    fail((err as Error).message, 1);
  }

  const log = (line: string) => process.stderr.write(`${line}\n`);
  await ensureBuilt(log);
  const app = await openHeadlessApp();
  try {
    const { page } = app;
    await serveVideo(page, '/__bench/video', values.video ?? '', video);
    if (masks) {
      const files = masks;
      await page.route('**/__bench/masks/*', (route) => {
        const index = Number(new URL(route.request().url()).pathname.split('/').pop());
        route.fulfill({ body: readFileSync(files[index]), contentType: 'image/png' });
      });
    }
    await page.goto(`${app.url}/?bench=1&backend=${backend}&model=${encodeURIComponent(values.model ?? '')}`);
    await page.waitForFunction(() => window.segmeter !== undefined);
    log(
      `replaying ${values.video} (${policy}, warp ${gate.warp ? 'on' : 'off'}, backend ${backend})${realtime ? ', then playing it live' : ''}...`,
    );
    const frames = (await page.evaluate(
      (opts) => {
        const live = window.segmeter;
        if (!live) throw new Error('the app did not start');
        return live.bench(opts);
      },
      {
        videoUrl: '/__bench/video',
        policy,
        gate,
        maskUrls: masks?.map((_, i) => `/__bench/masks/${i}`),
        budget,
        injectRunaway: runawayAt,
        realtime,
        dump: values.dump !== undefined,
      },
    )) as BenchFrames & { realtime?: RealtimeRecord };
    if (masks && masks.length !== frames.frames) {
      log(`note: ${masks.length} masks for ${frames.frames} frames; the first ${frames.frames} were used`);
    }
    const summary: BenchSummary & { realtime?: RealtimeSummary } = summarizeBench(
      resolve(values.video),
      frames,
    );
    if (frames.realtime) {
      const r = summarizeRealtime(frames.realtime, summary.quality);
      summary.realtime = r;
      log(
        `realtime: IoU mean ${r.iouMean.toFixed(3)} p05 ${r.iouP05.toFixed(3)} (frame-stepped ${r.frameSteppedIouMean.toFixed(3)} / ${r.frameSteppedIouP05.toFixed(3)}), ${r.frames} of ${r.sourceFrames} frames displayed, ${r.inferences} inferences, ${r.busy} busy`,
      );
    }
    if (values.dump && frames.dump) {
      const name = writeStudyCache(
        values.dump,
        values.video ?? '',
        frames.frames,
        summary.timingMs.inferenceMean,
        frames.dump,
      );
      log(
        `study cache ${name} (${frames.frames} frames, the app's thumbnails and masks) written to ${values.dump}`,
      );
    }
    if (values.events) {
      const catalog = loadDefaultCatalog().filter(isPriced);
      const ids = new Set([...EVENT_ENTRIES, ...(budget ? [budget.catalogId] : [])]);
      const entries = catalog.filter((e) => ids.has(e.id));
      writeFileSync(
        values.events,
        toNdjson(toFrameLogRecords(frames.events, entries, { fps: frames.fps }, frames.inferences)),
      );
    }
    const json = JSON.stringify(summary);
    if (values.out) writeFileSync(values.out, `${json}\n`);
    process.stdout.write(`${json}\n`);
    const priced = loadDefaultCatalog().filter((e) => EVENT_ENTRIES.includes(e.id));
    if (otlp) await exportBenchTelemetry(otlp, frames, priced, policy);
  } finally {
    await app.close();
  }
}

main().catch((err: Error) => fail(err.message.split('\n')[0], 1));
