import type { GateSettings } from './gate/gateSettings';
import type { TargetGateState } from './gate/TargetGate';
import type { BudgetSummary } from './guard/BudgetGuard';
import type { ThumbnailCounts } from './motion/lumaThumbnail';
import { percentile } from './quality/percentile';

/** One bench replay, one entry per frame per array (the page's BenchFrames in src/engine/benchReplay.ts adds to it). */
export interface BenchFramesLike {
  fps: number;
  frames: number;
  model: string;
  runtime: string;
  backend: string;
  policy: string;
  gate: GateSettings;
  /** The quality-target controller's state at the end of the run ('target' policy); absent otherwise. */
  target?: TargetGateState | null;
  ran: boolean[];
  reasons: string[];
  iou: number[];
  gtEveryFrame: number[] | null;
  gtPolicy: number[] | null;
  modelMs: number[];
  /** Reading each frame out of the video once (shared by the gate, the compositor and the model). */
  acquireMs?: number[];
  gateMs: number[];
  /** Of gateMs, the thumbnail per frame: reading the frame's luma plane (or drawing it) and averaging to 64x48. */
  sampleMs?: number[];
  /** Frames whose thumbnail came from the decoded luma plane, and from a canvas draw (a frame without one). */
  thumbnails?: ThumbnailCounts;
  /** Moving the cached mask by the person's shift, per frame (0 when not warping). */
  warpMs?: number[];
  /** The cached mask was moved with the person on skipped frames (warp on and a motion policy). */
  warp?: boolean;
  composeMs: number[];
  budget?: BudgetSummary | null;
  anomaly?: { detectedAtFrame: number | null; action: string | null };
}

/** The JSON `npm run bench` prints as its last line. */
export interface BenchSummary {
  video: string;
  frames: number;
  fps: number;
  model: string;
  runtime: string;
  backend: string;
  policy: string;
  gate: GateSettings;
  /** Skipped frames showed the cached mask moved with the person. */
  warp: boolean;
  /** The quality-target controller at the end of the run (target, scale, thresholds, observed staleness). */
  target: TargetGateState | null;
  inferences: number;
  skipRatio: number;
  reasons: Record<string, number>;
  /** Frames the gate inferred because of a scene cut (evidence that no frame after a cut shows the old shot). */
  sceneCutFrames: number[];
  quality: { iouMean: number; iouP05: number; iouMin: number };
  groundTruth: { everyFrameIouMean: number; policyIouMean: number } | null;
  /** With --budget: where the soft and hard limits were reached, and that nothing ran after the hard one. */
  budget: BudgetSummary | null;
  /** The first anomaly: the runaway guard disabling inference, or a rate/cost alert. */
  anomaly: { detectedAtFrame: number | null; action: string | null };
  timingMs: {
    inferenceP50: number;
    inferenceP95: number;
    gateP50: number;
    composeP50: number;
    acquireP50: number | null;
    /** Mean per frame of the gate's own work: thumbnail, motion scores, shift estimate, decision, and the warp. */
    gateMean: number;
    /** Of which moving the cached mask. */
    warpMean: number;
    /**
     * Of which the thumbnail: starting the copy of the frame's luma plane (WebCodecs), waiting for it and averaging
     * it to 64x48; for a frame without one, drawing it at 64x48 and reading that back. Null when not recorded.
     */
    sampleMean: number | null;
    /** How many frames' thumbnails came from the luma plane and from a canvas draw; null when not recorded. */
    thumbnails: ThumbnailCounts | null;
    /** Mean model time per inference. */
    inferenceMean: number;
    /** gateMean / inferenceMean: what the gate costs per frame against what one inference costs. */
    gateToInference: number;
    /** (gateMean - sampleMean) / inferenceMean: the gate's own work without the frame's readback; null without it. */
    ownToInference: number | null;
  };
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Summarises a bench replay: skip ratio = 1 - inferences / frames; IoU p05 is the 5th percentile over frames. */
export function summarizeBench(video: string, f: BenchFramesLike): BenchSummary {
  const frames = f.ran.length;
  if (frames === 0) throw new Error('the bench processed no frame');
  const inferences = f.ran.filter(Boolean).length;
  const warpMean = f.warpMs?.length ? mean(f.warpMs) : 0;
  const gateMean = mean(f.gateMs) + warpMean;
  const inferenceMean = f.modelMs.length ? mean(f.modelMs) : Number.NaN;
  const sampleMean = f.sampleMs?.length ? mean(f.sampleMs) : null;
  const reasons: Record<string, number> = {};
  for (const r of f.reasons) reasons[r] = (reasons[r] ?? 0) + 1;
  return {
    video,
    frames,
    fps: f.fps,
    model: f.model,
    runtime: f.runtime,
    backend: f.backend,
    policy: f.policy,
    gate: f.gate,
    warp: f.warp ?? false,
    target: f.target ?? null,
    inferences,
    skipRatio: 1 - inferences / frames,
    reasons,
    sceneCutFrames: f.reasons.flatMap((r, i) => (r === 'scene-cut' ? [i] : [])),
    quality: {
      iouMean: mean(f.iou),
      iouP05: percentile(f.iou, 5),
      iouMin: f.iou.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY),
    },
    groundTruth:
      f.gtEveryFrame && f.gtPolicy
        ? { everyFrameIouMean: mean(f.gtEveryFrame), policyIouMean: mean(f.gtPolicy) }
        : null,
    budget: f.budget ?? null,
    anomaly: f.anomaly ?? { detectedAtFrame: null, action: null },
    timingMs: {
      inferenceP50: percentile(f.modelMs, 50),
      inferenceP95: percentile(f.modelMs, 95),
      gateP50: percentile(f.gateMs, 50),
      composeP50: percentile(f.composeMs, 50),
      acquireP50: f.acquireMs?.length ? percentile(f.acquireMs, 50) : null,
      gateMean,
      warpMean,
      sampleMean,
      thumbnails: f.thumbnails ?? null,
      inferenceMean,
      gateToInference: gateMean / inferenceMean,
      ownToInference: sampleMean === null ? null : (gateMean - sampleMean) / inferenceMean,
    },
  };
}
