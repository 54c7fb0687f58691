import type { GateSettings } from '../../core/gate/gateSettings';
import {
  DEFAULT_QUALITY_TARGET,
  type QualityTarget,
  targetFromMean,
} from '../../core/gate/QualityController';
import { THUMB_HEIGHT, THUMB_WIDTH } from '../../core/motion/greyThumbnail';
import { upsampleBilinear } from '../../core/quality/upsampleBilinear';
import { summarizePoint } from '../../core/sweep/summarizeSweep';
import { DEFAULT_SWEEP_POLICY, type SweepPoint, type SweepPolicy } from '../../core/sweep/sweepTypes';
import { FrameSampler } from '../gate/FrameSampler';
import { InferenceGate } from '../gate/InferenceGate';
import { modelInput } from '../pipeline/modelInput';
import type { PersonMask } from '../segmenter/segmenterTypes';
import { openClip } from '../source/frameSources';
import { detectFps, frameCount, seekFrame } from '../source/frameStepper';
import type { ReplaySession } from './ReplaySession';
import { ShownMasks } from './ShownMasks';

export interface SweepProgress {
  /** Point-frames evaluated so far (frames done x points) and in all. */
  done: number;
  total: number;
  framesDone: number;
  frames: number;
  points: number;
  /** Estimated time left from the pace so far; null until a frame is done. */
  msLeft: number | null;
}

export interface SweepOptions {
  /** A URL the page can fetch: the sample clip, a blob: URL of the user's file, or the CLI's routed clip. */
  videoUrl: string;
  grid: readonly GateSettings[];
  /** The gate policy every point runs: 'target' (quality-target mode) or 'adaptive' (manual thresholds). */
  policy?: SweepPolicy;
  /** Target policy: mean-IoU targets to sweep (p05 = target - 0.10, as the Skip gate panel sets it); every grid
   *  point is run at each. Default: the default quality target alone. */
  targets?: readonly number[];
  onProgress?: (progress: SweepProgress) => void;
  signal?: AbortSignal;
}

/** The measured points of one sweep, in grid order; the front and the recommendation are added by summarizeSweep. */
export interface SweepRun {
  fps: number;
  frames: number;
  width: number;
  height: number;
  model: string;
  runtime: string;
  backend: string;
  points: SweepPoint[];
}

/** One grid point's own gate state: decisions depend on its history, so nothing is shared between points. */
interface PointState {
  settings: GateSettings;
  target: QualityTarget | null;
  gate: InferenceGate;
  /** Frame whose reference mask this point is showing (its last inference); -1 before the first. */
  shownFrame: number;
  /** Whole mask pixels by which it shows that mask moved (warp). */
  dx: number;
  dy: number;
  inferences: number;
  iou: number[];
}

function abortError(): DOMException {
  return new DOMException('the sweep was cancelled', 'AbortError');
}

/**
 * Replays a clip once with the model on every frame and evaluates every grid point against that single reference
 * pass: with frame-stepped replay an inference completes before the next frame, so a point's shown mask on a skipped
 * frame is exactly the reference mask of its last inferred frame, and no point needs its own model run. Per frame the
 * video is read once, the thumbnail and the model's mask are computed once; each point then only advances its scorer
 * and policy. IoU is taken at the frame's resolution (both masks upsampled, person >= 128), as the bench does, and
 * memoised per shown frame since points that inferred on the same frame show the same mask.
 * The live loop is paused meanwhile so it neither competes for the model nor counts the sweep's frames.
 */
export async function sweepReplay(session: ReplaySession, options: SweepOptions): Promise<SweepRun> {
  const { grid, signal } = options;
  if (grid.length === 0) throw new Error('the sweep grid is empty');
  await session.modelReady;
  const { driver } = session;
  // A sweep tunes the gate against the on-device model: past the simulated cloud, if it is on.
  const segmenter = session.innerSegmenter();
  if (!segmenter) throw new Error('no model could be loaded');
  if (session.replayProgress?.running) throw new Error('a replay is running; wait for it or cancel it');
  signal?.throwIfAborted();
  const response = await fetch(options.videoUrl);
  if (!response.ok) throw new Error(`the sweep clip is missing (HTTP ${response.status})`);
  // A private element over a blob URL: seekable whatever the server did with ranges, and the live source plays on.
  const source = await openClip(URL.createObjectURL(await response.blob()), 'file', 'sweep clip', true);
  const liveVideo = driver.source?.video ?? null;
  const liveWasPlaying = liveVideo !== null && !liveVideo.paused;
  const wasPaused = driver.paused;
  driver.paused = true;
  liveVideo?.pause();
  try {
    const video = source.video;
    const fps = await detectFps(video);
    const frames = await frameCount(video, fps);
    const width = video.videoWidth;
    const height = video.videoHeight;
    const sampler = new FrameSampler();
    const thumb = new Float32Array(THUMB_WIDTH * THUMB_HEIGHT);
    const policy = options.policy ?? DEFAULT_SWEEP_POLICY;
    const targets =
      policy === 'target'
        ? (options.targets ?? [DEFAULT_QUALITY_TARGET.iouMean]).map(targetFromMean)
        : [null];
    const points: PointState[] = targets.flatMap((target) =>
      grid.map((settings) => {
        const gate = new InferenceGate(policy, settings);
        if (target) gate.setTarget(target);
        return {
          settings: { ...settings },
          target,
          gate,
          shownFrame: -1,
          dx: 0,
          dy: 0,
          inferences: 0,
          iou: [],
        };
      }),
    );
    const shown = new ShownMasks(width, height);
    const started = performance.now();
    for (let i = 0; i < frames; i++) {
      signal?.throwIfAborted();
      await seekFrame(video, i, fps);
      // The pipeline's own order: the luma read starts with the bitmap, so the sweep's thumbnails are the bench's.
      const luma = sampler.begin(video);
      const image = await createImageBitmap(video);
      let reference: Uint8Array;
      let mask: PersonMask;
      try {
        await sampler.sample(luma, image, thumb);
        // The same input the live pipeline and the bench send, so the masks are the bench's masks.
        ({ mask } = await segmenter.segment(await modelInput(image, segmenter.info)));
        reference = new Uint8Array(width * height);
        upsampleBilinear(mask.data, mask.width, mask.height, reference, width, height);
      } finally {
        image.close();
      }
      shown.beginFrame(i, mask, reference);
      for (const p of points) {
        // The pipeline's own order: decide, move the shown mask by the shift, and on an inference compare what
        // was on screen with the fresh mask (staleness), then note the inference, its mask and that staleness.
        const run = p.gate.decide(i, thumb).run;
        const { dx, dy } = p.gate.maskShift(mask.width, mask.height);
        if (run) {
          const stale = p.shownFrame >= 0 ? shown.staleness(p.shownFrame, dx, dy) : undefined;
          p.gate.noteInference(i);
          p.gate.noteMask(mask);
          if (stale !== undefined) p.gate.noteStaleness(stale);
          p.shownFrame = i;
          p.dx = 0;
          p.dy = 0;
          p.inferences++;
        } else if (p.shownFrame >= 0) {
          p.dx = dx;
          p.dy = dy;
        }
        if (p.shownFrame < 0) throw new Error(`frame ${i}: no mask to show yet`);
        p.iou.push(shown.iou(p.shownFrame, p.dx, p.dy));
      }
      // Keep only the masks some point still shows: at most one per point.
      shown.retain(new Set(points.map((p) => p.shownFrame)));
      const elapsed = performance.now() - started;
      options.onProgress?.({
        done: (i + 1) * points.length,
        total: frames * points.length,
        framesDone: i + 1,
        frames,
        points: points.length,
        msLeft: (elapsed / (i + 1)) * (frames - i - 1),
      });
    }
    return {
      fps,
      frames,
      width,
      height,
      model: segmenter.info.modelId,
      runtime: segmenter.info.runtime,
      backend: segmenter.info.backend,
      points: points.map((p) => ({
        ...summarizePoint(p.settings, p.inferences, p.iou),
        policy,
        ...(p.target ? { target: p.target } : {}),
      })),
    };
  } catch (err) {
    if (signal?.aborted) throw abortError();
    throw err;
  } finally {
    source.stop();
    driver.paused = wasPaused;
    if (liveWasPlaying && driver.source?.video === liveVideo) void liveVideo?.play().catch(() => undefined);
  }
}
