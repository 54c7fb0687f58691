import type { BenchFramesLike } from '../../core/benchSummary';
import type { FrameEvent, InferenceRecord } from '../../core/frameEvent';
import type { GateSettings } from '../../core/gate/gateSettings';
import type { BudgetSummary } from '../../core/guard/BudgetGuard';
import type { BudgetConfig } from '../../core/guard/parseBudget';
import { iou } from '../../core/quality/iou';
import { upsampleBilinear } from '../../core/quality/upsampleBilinear';
import type { PersonMask } from '../segmenter/segmenterTypes';
import { openClip } from '../source/frameSources';
import { detectFps, frameCount, seekFrame } from '../source/frameStepper';
import { type BenchDump, BenchDumpCollector } from './benchDump';
import type { ReplaySession } from './ReplaySession';

export interface BenchOptions {
  videoUrl: string;
  policy: string;
  gate?: GateSettings;
  /** URLs of ground-truth PNG masks, frame i = URL i (nonzero = person). */
  maskUrls?: string[];
  /** A budget on one catalog entry, enforced during the replay. */
  budget?: BudgetConfig;
  /** From this frame on, the simulated bug requests inference many times per frame. */
  injectRunaway?: number;
  /** bench --dump: return the gate's thumbnails and the every-frame masks for the Node study (a motion policy). */
  dump?: boolean;
  /** Called with each frame's every-frame reference mask (bench --realtime keeps them to score the live run). */
  onReference?: (frame: number, mask: PersonMask) => void;
}

/** The page's side of a bench replay: the per-frame record the Node side summarises, plus the run's events. */
export interface BenchFrames extends BenchFramesLike {
  width: number;
  height: number;
  /** Every FrameEvent of the run, in frame order. */
  events: FrameEvent[];
  /** With options.dump: the study inputs (src/core/studyCache.ts). */
  dump?: BenchDump;
  /** Every InferenceRecord of the run (gate inferences; the unrecorded reference pass is not in it). */
  inferences?: InferenceRecord[];
  acquireMs: number[];
  budget: BudgetSummary | null;
  anomaly: { detectedAtFrame: number | null; action: string | null };
}

async function groundTruth(url: string, width: number, height: number): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`ground-truth mask ${url} is missing (HTTP ${response.status})`);
  const bitmap = await createImageBitmap(await response.blob());
  const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('canvas 2D is not available');
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const { data } = ctx.getImageData(0, 0, width, height);
  const out = new Uint8Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = data[i * 4] || data[i * 4 + 1] || data[i * 4 + 2] ? 255 : 0;
  return out;
}

/**
 * Replays a clip frame by frame under a policy while the model also runs on every frame (the reference, computed in
 * the same run): quality is the shown mask against the model's mask for that very frame, both upsampled to the
 * frame's resolution and cut at probability 0.5.
 */
export async function benchReplay(session: ReplaySession, options: BenchOptions): Promise<BenchFrames> {
  await session.modelReady;
  const { pipeline, driver } = session;
  const segmenter = pipeline.runner.segmenter;
  if (!segmenter) throw new Error('no model could be loaded');
  // Through a blob URL: seekable whatever the server did with range requests.
  const response = await fetch(options.videoUrl);
  if (!response.ok) throw new Error(`the bench clip is missing (HTTP ${response.status})`);
  const source = await openClip(URL.createObjectURL(await response.blob()), 'file', 'bench clip', true);
  driver.paused = true;
  driver.setSource(source);
  pipeline.gate.setPolicy(options.policy, options.gate ?? pipeline.gate.settings);
  const video = source.video;
  const fps = await detectFps(video);
  const frames = await frameCount(video, fps);
  if (options.maskUrls && options.maskUrls.length < frames) {
    throw new Error(`${options.maskUrls.length} ground-truth masks for ${frames} frames`);
  }
  const width = video.videoWidth;
  const height = video.videoHeight;
  const shown = new Uint8Array(width * height);
  const reference = new Uint8Array(width * height);
  if (options.dump && !pipeline.gate.needsMotion)
    throw new Error('--dump needs a motion policy (target or adaptive)');
  const dump = options.dump ? new BenchDumpCollector(frames, width, height) : null;
  const up = (mask: PersonMask, out: Uint8Array) =>
    upsampleBilinear(mask.data, mask.width, mask.height, out, width, height);
  const result: BenchFrames = {
    fps,
    frames,
    width,
    height,
    model: segmenter.info.modelId,
    runtime: segmenter.info.runtime,
    backend: segmenter.info.backend,
    policy: pipeline.gate.spec,
    gate: pipeline.gate.settings,
    ran: [],
    reasons: [],
    iou: [],
    gtEveryFrame: options.maskUrls ? [] : null,
    gtPolicy: options.maskUrls ? [] : null,
    modelMs: [],
    events: [],
    budget: null,
    anomaly: { detectedAtFrame: null, action: null },
    acquireMs: [],
    gateMs: [],
    sampleMs: [],
    warpMs: [],
    warp: pipeline.gate.warps,
    composeMs: [],
  };
  pipeline.resetGate();
  session.store.clear();
  session.meter.alerts = [];
  pipeline.runaway.reset();
  pipeline.simulateRunawayFrom = options.injectRunaway ?? null;
  session.setBudget(options.budget ?? null);
  // The whole run's streams, however long the clip: the store itself keeps only its newest window.
  const events: FrameEvent[] = [];
  const inferences: InferenceRecord[] = [];
  const offs = [
    session.store.subscribe((e) => {
      events.push(e);
    }),
    session.store.subscribeInferences((r) => {
      inferences.push(r);
    }),
  ];
  const sampled = { ...pipeline.sampler.frames };
  try {
    for (let i = 0; i < frames; i++) {
      const step = await pipeline.step(source, await seekFrame(video, i, fps), true, true);
      if (!step.reference || !step.displayed) throw new Error(`frame ${i}: the model gave no mask`);
      up(step.reference, reference);
      options.onReference?.(i, step.reference);
      dump?.add(i, pipeline.gate.lastThumb, reference, step.reference);
      up(step.displayed, shown);
      result.ran.push(step.ran);
      result.reasons.push(step.reason);
      result.iou.push(iou(shown, reference));
      if (step.modelMs !== null) result.modelMs.push(step.modelMs);
      result.acquireMs.push(step.acquireMs);
      result.gateMs.push(step.gateMs);
      result.sampleMs?.push(step.sampleMs);
      result.warpMs?.push(step.warpMs);
      result.composeMs.push(step.composeMs);
      if (options.maskUrls) {
        const gt = await groundTruth(options.maskUrls[i], width, height);
        result.gtEveryFrame?.push(iou(reference, gt));
        result.gtPolicy?.push(iou(shown, gt));
      }
    }
  } finally {
    for (const off of offs) off();
  }
  result.thumbnails = pipeline.sampler.framesSince(sampled);
  // Emitted at compose time, the events are already in frame order (a runaway's duplicates sit on their frame).
  result.events = events;
  result.inferences = inferences;
  result.budget = session.meter.watch?.guard?.summary(result.events) ?? null;
  const trip = pipeline.runaway.trip;
  const alert = session.meter.alerts[0];
  result.anomaly = trip
    ? { detectedAtFrame: trip.frame, action: 'inference-disabled' }
    : alert
      ? { detectedAtFrame: alert.atFrame, action: 'alert' }
      : { detectedAtFrame: null, action: null };
  result.target = pipeline.gate.target;
  if (dump) result.dump = dump.finish();
  pipeline.simulateRunawayFrom = null;
  driver.paused = false;
  return result;
}
