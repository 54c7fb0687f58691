import type { GateSettings } from '../../core/gate/gateSettings';
import { THUMB_HEIGHT, THUMB_WIDTH } from '../../core/motion/greyThumbnail';
import { iou } from '../../core/quality/iou';
import { upsampleBilinear } from '../../core/quality/upsampleBilinear';
import { summarizePoint } from '../../core/sweep/summarizeSweep';
import type { SweepPoint } from '../../core/sweep/sweepTypes';
import { FrameSampler } from '../gate/FrameSampler';
import { InferenceGate } from '../gate/InferenceGate';
import { modelInput } from '../pipeline/modelInput';
import type { PersonMask } from '../segmenter/segmenterTypes';
import { openClip } from '../source/frameSources';
import { detectFps, frameCount, seekFrame } from '../source/frameStepper';
import type { ReplaySession } from './ReplaySession';

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
  gate: InferenceGate;
  /** Frame whose reference mask this point is showing (its last inference); -1 before the first. */
  shownFrame: number;
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
    const points: PointState[] = grid.map((settings) => ({
      settings: { ...settings },
      gate: new InferenceGate('adaptive', settings),
      shownFrame: -1,
      inferences: 0,
      iou: [],
    }));
    /** Upsampled reference masks of frames some point still shows. */
    const shownMasks = new Map<number, Uint8Array>();
    const started = performance.now();
    for (let i = 0; i < frames; i++) {
      signal?.throwIfAborted();
      await seekFrame(video, i, fps);
      const image = await createImageBitmap(video);
      let reference: Uint8Array;
      let mask: PersonMask;
      try {
        sampler.sample(image, thumb);
        // The same input the live pipeline and the bench send, so the masks are the bench's masks.
        ({ mask } = await segmenter.segment(await modelInput(image, segmenter.info)));
        reference = new Uint8Array(width * height);
        upsampleBilinear(mask.data, mask.width, mask.height, reference, width, height);
      } finally {
        image.close();
      }
      shownMasks.set(i, reference);
      const iouByShown = new Map<number, number>();
      for (const p of points) {
        // The pipeline's own gate: decide, note the inference, then the mask that came back.
        if (p.gate.decide(i, thumb).run) {
          p.gate.noteInference(i);
          p.gate.noteMask(mask);
          p.shownFrame = i;
          p.inferences++;
        }
        let value = iouByShown.get(p.shownFrame);
        if (value === undefined) {
          const shown = shownMasks.get(p.shownFrame);
          if (!shown) throw new Error(`frame ${i}: no mask to show yet`);
          value = iou(shown, reference);
          iouByShown.set(p.shownFrame, value);
        }
        p.iou.push(value);
      }
      // Keep only the masks some point still shows: at most one per point.
      const inUse = new Set(points.map((p) => p.shownFrame));
      for (const frame of shownMasks.keys()) if (!inUse.has(frame)) shownMasks.delete(frame);
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
      points: points.map((p) => summarizePoint(p.settings, p.inferences, p.iou)),
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
