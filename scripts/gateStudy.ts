/**
 * Gate calibration study: `npx tsx scripts/gateStudy.ts [--grid-top N]`
 *
 * 1. Runs the selfie model on EVERY frame of /work/shared/media/*.mp4 (tfjs wasm in Node; cached under
 *    .cache/gate-study/, see gateStudyCache.ts). Person = p >= 0.5 after bilinear upsampling to 640x480.
 * 2. Simulates policies on the cached data: quality = IoU, frame by frame, of the DISPLAYED mask (the mask of the
 *    last inferred frame) with that frame's own every-frame mask; targets mean >= 0.95 and p05 >= 0.85.
 * 3. Reports the best fixed stride, an offline optimum (knows the future), and a grid of MotionGate settings;
 *    picks ONE default for all clips and writes everything to .cache/gate-study/result.json.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GateReason } from '../src/core/frameEvent';
import { DEFAULT_GATE_SETTINGS, type GateSettings } from '../src/core/gate/gateSettings';
import { MotionGate } from '../src/core/gate/MotionGate';
import { edgeWeights } from '../src/core/motion/edgeWeights';
import { THUMB_HEIGHT, THUMB_WIDTH } from '../src/core/motion/greyThumbnail';
import { meanAbsDiff } from '../src/core/motion/meanAbsDiff';
import { type ClipCache, loadOrBuildClipCache, THUMB_N } from './gateStudyCache';
import {
  bestStride,
  buildIouTable,
  type Eval,
  evaluate,
  HARD_CUT_SCORE,
  IOU_MEAN_MIN,
  IOU_P05_MIN,
  type IouTable,
  offlineOptimum,
  strideSchedule,
  W,
} from './gateStudyTables';

const MEDIA = '/work/shared/media';
const CACHE = '.cache/gate-study';
/** Edge radii studied (cells of 64x48). */
const RADII = [1, 2];
/** Per-clip inference-ratio targets of the issue, keyed by clip name. */
const RATIO_TARGET: Record<string, number> = {
  motion_asl_signer: 0.22,
  walk_in_out: 0.12,
  scene_cuts_tears_of_steel: 0.7,
};
/** Quality margin the chosen default must keep on every clip. */
const MARGIN_MEAN = 0.953;
const MARGIN_P05 = 0.86;

interface Tables extends IouTable {
  /** diff[s * (W + 1) + k]: meanAbsDiff of thumbnails s and s + k (the plain motion score). */
  diff: Float32Array;
  /** Per edge radius (index = radius): the three parts of the weighted score, each sum(|d|)/n over one class
   *  of cells of the mask of frame s (0 background, 1 edge, 2 interior), laid out like `diff`. */
  parts: Float32Array[][];
}

function buildTables(clip: ClipCache): Tables {
  const F = clip.frames;
  const base = buildIouTable(clip, CACHE);
  const thumb = (i: number) => clip.thumbs.subarray(i * THUMB_N, (i + 1) * THUMB_N);
  const diff = new Float32Array(F * (W + 1)).fill(Number.NaN);
  for (let s = 0; s < F; s++) {
    for (let k = 0; k <= W && s + k < F; k++) diff[s * (W + 1) + k] = meanAbsDiff(thumb(s), thumb(s + k));
  }
  const parts: Float32Array[][] = [];
  const cls = new Float32Array(THUMB_N);
  const mt = new Float32Array(THUMB_N);
  for (const radius of RADII) {
    const p = [0, 1, 2].map(() => new Float32Array(F * (W + 1)));
    for (let s = 0; s < F; s++) {
      const m = clip.maskThumbs.subarray(s * THUMB_N, (s + 1) * THUMB_N);
      for (let i = 0; i < THUMB_N; i++) mt[i] = m[i] * 255;
      edgeWeights(mt, THUMB_WIDTH, THUMB_HEIGHT, cls, {
        backgroundWeight: 0,
        edgeWeight: 1,
        interiorWeight: 2,
        radius,
      });
      const a = thumb(s);
      for (let k = 0; k <= W && s + k < F; k++) {
        const b = thumb(s + k);
        const acc = [0, 0, 0];
        for (let i = 0; i < THUMB_N; i++) acc[cls[i]] += Math.abs(a[i] - b[i]);
        for (let c = 0; c < 3; c++) p[c][s * (W + 1) + k] = acc[c] / THUMB_N;
      }
    }
    parts[radius] = p;
  }
  return { ...base, diff, parts };
}

interface GateRun extends Eval {
  reasons: Partial<Record<GateReason, number>>;
  cutsMissed: number;
}

/** Replays the real MotionGate on the cached scores (no busy frames: inference is instant offline). */
function simulateGate(t: Tables, settings: GateSettings): GateRun {
  const F = t.clip.frames;
  const gate = new MotionGate(settings);
  const ran = new Uint8Array(F);
  const reasons: Partial<Record<GateReason, number>> = {};
  let last = -1;
  for (let f = 0; f < F; f++) {
    const k = f - last;
    const p = t.parts[settings.edgeRadius];
    const j = last * (W + 1) + k;
    // The same sum as weightedMeanAbsDiff with edgeWeights(mask of the last inferred frame), by linearity.
    const motion =
      last < 0
        ? null
        : k <= W
          ? p[0][j] + settings.edgeWeight * p[1][j] + settings.interiorWeight * p[2][j]
          : Number.POSITIVE_INFINITY;
    const d = gate.decide({ frame: f, motion, sceneChange: f === 0 ? null : t.prevDiff[f] });
    reasons[d.reason] = (reasons[d.reason] ?? 0) + 1;
    if (d.run) {
      ran[f] = 1;
      last = f;
      gate.noteInference(f);
    }
  }
  const cutsMissed = t.hardCuts.filter((c) => !ran[c]).length;
  return { ...evaluate(t, ran), reasons, cutsMissed };
}

/** refreshFrames stays at the article's static tier, about 1 inference per second (longer saves ~1% here). */
function* settingsGrid(): Generator<GateSettings> {
  for (const edgeRadius of RADII)
    for (const edgeWeight of [1, 2, 3])
      for (const interiorWeight of [1, 0.5, 0.25, 0])
        for (const staticThreshold of [1.5, 2, 2.5, 3, 3.5, 4, 5, 6])
          for (const gap of [0, 1, 2, 4, 8])
            for (const baselineStride of gap === 0 ? [5] : [3, 5, 8, 10])
              for (const refreshFrames of [30])
                for (const sceneCutThreshold of [15, 25, 40])
                  yield {
                    edgeRadius,
                    edgeWeight,
                    interiorWeight,
                    staticThreshold,
                    motionThreshold: staticThreshold + gap,
                    baselineStride,
                    refreshFrames,
                    maxSkipFrames: 30,
                    sceneCutThreshold,
                    maxQuality: false,
                    // This study is of plain reuse (the mask unmoved).
                    warp: false,
                  };
}

const fmt = (v: number, d = 3) => v.toFixed(d);

async function main(): Promise<void> {
  const files = readdirSync(MEDIA)
    .filter((f) => f.endsWith('.mp4'))
    .sort();
  const tables: Tables[] = [];
  for (const f of files) tables.push(buildTables(await loadOrBuildClipCache(join(MEDIA, f), CACHE)));

  const baselines = tables.map((t) => ({
    clip: t.clip.name,
    frames: t.clip.frames,
    modelMsMean: t.clip.modelMsMean,
    hardCuts: t.hardCuts,
    everyFrameFlicker: evaluate(t, strideSchedule(t.clip.frames, 2)).iouMean,
    stride: bestStride(t),
    optimum: offlineOptimum(t),
  }));

  // Feasible = every clip meets quality, its ratio target, beats its best stride, and infers on every hard cut.
  let best: { settings: GateSettings; runs: GateRun[]; total: number } | null = null;
  const allFeasible: { settings: GateSettings; runs: GateRun[]; total: number }[] = [];
  let tried = 0;
  let feasible = 0;
  for (const settings of settingsGrid()) {
    tried++;
    const runs = tables.map((t) => simulateGate(t, settings));
    const ok = runs.every(
      (r, i) =>
        r.ok &&
        r.cutsMissed === 0 &&
        r.ratio <= (RATIO_TARGET[tables[i].clip.name] ?? 1) &&
        r.inferences < baselines[i].stride.inferences,
    );
    if (!ok) continue;
    feasible++;
    const total = runs.reduce((a, r) => a + r.ratio, 0);
    allFeasible.push({ settings, runs, total });
    // The default must also keep a margin over the quality targets: browser masks differ slightly from Node's.
    if (!runs.every((r) => r.iouMean >= MARGIN_MEAN && r.iouP05 >= MARGIN_P05)) continue;
    // Fewest inferences summed as ratios (so the short clips count as much as the long one); on a tie the
    // first in grid order wins, which is the most sensitive scene-cut threshold.
    if (!best || total < best.total - 1e-9) best = { settings, runs, total };
  }
  const top = [...allFeasible]
    .sort((a, b) => a.total - b.total)
    .slice(0, 10)
    .map((f) => ({
      settings: f.settings,
      perClip: f.runs.map((r) => [r.ratio, r.iouMean, r.iouP05].map((v) => +fmt(v))),
    }));
  console.log(`grid: ${tried} settings, ${feasible} meet every target`);
  const plain: GateSettings = {
    staticThreshold: 4,
    motionThreshold: 4,
    baselineStride: 5,
    refreshFrames: 30,
    maxSkipFrames: 30,
    sceneCutThreshold: 255,
    edgeWeight: 1,
    interiorWeight: 1,
    edgeRadius: 1,
    maxQuality: false,
    warp: false,
  };
  const plainRuns = tables.map((t) => simulateGate(t, plain));

  const rows = tables.map((t, i) => {
    const b = baselines[i];
    const g = best?.runs[i];
    return {
      clip: t.clip.name,
      frames: t.clip.frames,
      gate: g ?? null,
      plainGate: plainRuns[i],
      bestStride: b.stride,
      optimum: b.optimum,
      hardCuts: b.hardCuts,
      everyFrameConsecutiveIouMean: b.everyFrameFlicker,
      modelMsMean: b.modelMsMean,
    };
  });
  console.log(`chosen: ${JSON.stringify(best?.settings ?? null)}`);
  const isDefault =
    best !== null &&
    (Object.keys(DEFAULT_GATE_SETTINGS) as (keyof GateSettings)[]).every(
      (k) => DEFAULT_GATE_SETTINGS[k] === best?.settings[k],
    );
  console.log(`DEFAULT_GATE_SETTINGS ${isDefault ? 'is' : 'is NOT'} the chosen setting`);
  for (const r of rows)
    if (r.hardCuts.length) console.log(`hard cuts in ${r.clip} (frames): ${r.hardCuts.join(' ')}`);
  console.log(
    [
      'clip'.padEnd(26),
      'frames',
      'ratio',
      'iouMean',
      'iouP05',
      'cutsMiss',
      'stride N: ratio',
      'vs stride',
      'optimum',
      'vs optimum',
      'plain4',
      'reasons',
    ].join(' | '),
  );
  for (const r of rows) {
    const g = r.gate;
    console.log(
      [
        r.clip.padEnd(26),
        String(r.frames).padStart(6),
        g ? fmt(g.ratio) : '-',
        g ? fmt(g.iouMean) : '-',
        g ? fmt(g.iouP05) : '-',
        g ? `${g.cutsMissed}/${r.hardCuts.length}` : '-',
        `${r.bestStride.stride}: ${fmt(r.bestStride.ratio)}`,
        g ? `${fmt(100 * (g.inferences / r.bestStride.inferences - 1), 0)}%` : '-',
        fmt(r.optimum.ratio),
        g ? `x${fmt(g.ratio / r.optimum.ratio, 2)}` : '-',
        `${fmt(r.plainGate.ratio)} (${fmt(r.plainGate.iouMean)}/${fmt(r.plainGate.iouP05)})`,
        g ? JSON.stringify(g.reasons) : '-',
      ].join(' | '),
    );
  }
  writeFileSync(
    join(CACHE, 'result.json'),
    JSON.stringify(
      {
        command: 'npx tsx scripts/gateStudy.ts',
        targets: {
          iouMean: IOU_MEAN_MIN,
          iouP05: IOU_P05_MIN,
          ratio: RATIO_TARGET,
          hardCutScore: HARD_CUT_SCORE,
        },
        grid: { tried, feasible, margin: { iouMean: MARGIN_MEAN, iouP05: MARGIN_P05 }, top },
        chosen: best?.settings ?? null,
        chosenIsDefault: isDefault,
        clips: rows,
      },
      null,
      2,
    ),
  );
}

await main();
