/**
 * Measuring anchor (bench/demoLoop.html, `npm run measure`): the app's sample clip through a loop written the way
 * the tfjs body-segmentation live_video demo is: on the main thread, every animation frame awaits segmentPeople on
 * the video, then drawBokehEffect. tfjs runtime on wasm, the app's local selfie model (adapted to the two-channel
 * output the library expects). Publishes the first blurred frame's time and the frames drawn on window.anchor.
 */
import * as bodySegmentation from '@tensorflow-models/body-segmentation';
import { twoChannelArtifacts } from '../engine/segmenter/selfieArtifacts';
import { report, selfieFiles, startBackend } from './anchorBackend';

/** The app's sample clip (LiveSession's SAMPLE_CLIP), served by the same build. */
const CLIP = '/sample/motion_asl_signer_640x480.mp4';
// The demo's defaults for the bokeh effect.
const FOREGROUND_THRESHOLD = 0.5;
const BACKGROUND_BLUR = 3;
const EDGE_BLUR = 3;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing`);
  return found as T;
}

async function main(): Promise<void> {
  const video = element<HTMLVideoElement>('video');
  const canvas = element<HTMLCanvasElement>('output');
  video.src = new URLSearchParams(location.search).get('clip') ?? CLIP;
  await video.play();
  // As the demo's camera setup does: the library sizes its canvases from the element's width and height.
  video.width = video.videoWidth;
  video.height = video.videoHeight;
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const backend = await startBackend('wasm');
  const { json, weights } = await selfieFiles();
  const segmenter = await bodySegmentation.createSegmenter(
    bodySegmentation.SupportedModels.MediaPipeSelfieSegmentation,
    {
      runtime: 'tfjs',
      modelType: 'general',
      modelUrl: { load: async () => twoChannelArtifacts(json, weights) },
    },
  );
  const state = { backend, frames: 0, firstMaskAt: undefined as number | undefined };

  async function renderResult(): Promise<void> {
    if (video.readyState < 2) {
      await new Promise((resolve) => video.addEventListener('loadeddata', resolve, { once: true }));
    }
    const segmentation = await segmenter.segmentPeople(video, {
      flipHorizontal: false,
      multiSegmentation: false,
      segmentBodyParts: true,
    });
    await bodySegmentation.drawBokehEffect(
      canvas,
      video,
      segmentation,
      FOREGROUND_THRESHOLD,
      BACKGROUND_BLUR,
      EDGE_BLUR,
      false,
    );
    // The demo leaves the mask tensors to the garbage collector; disposing them keeps the loop from slowing down.
    for (const person of segmentation) (await person.mask.toTensor()).dispose();
    state.frames++;
    state.firstMaskAt ??= performance.now();
  }

  async function renderPrediction(): Promise<void> {
    if (!video.paused) await renderResult();
    requestAnimationFrame(
      () => void renderPrediction().catch((err: Error) => report({ error: err.message })),
    );
  }

  report(state);
  await renderPrediction();
}

main().catch((err: Error) => report({ error: err.message }));
