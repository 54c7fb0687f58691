import { type MeasuredFigures, measuredFromBench } from './measuredFigures.ts';
import sampleBench from './sampleBench.json';

/**
 * The bench of the bundled sample clip, shipped with the app so that a fresh report opens on measured figures rather
 * than on "every frame inferred". Produced once with
 *   npm run bench -- --video public/sample/motion_asl_signer_640x480.mp4 \
 *     --backend wasm --out sampleBench.json
 * (default gate: quality target with warp; selfie general model, tfjs wasm in headless Chromium, 2 cores; regenerated
 * when the target mode became the default: 35 inferences of 318 frames, IoU 0.960 / p05 0.919, where the manual gate
 * gave 40, 0.960 / 0.919; regenerated again when the FrameSampler began drawing at 64x48 directly: 35 inferences,
 * IoU 0.960 / p05 0.920; and when it began reading the decoded frame's luma plane: 34 inferences, IoU 0.962 / p05
 * 0.914); `video` made repo-relative.
 */
export const SAMPLE_BENCH = sampleBench;

/** The bundled bench as the report's measured figures (source "bundled"); throws if the shipped file is broken. */
export function bundledFigures(): MeasuredFigures {
  const parsed = measuredFromBench(SAMPLE_BENCH);
  if (!parsed.ok) throw new Error(`sampleBench.json is invalid: ${parsed.errors.join('; ')}`);
  return {
    ...parsed.value,
    source: 'bundled',
    label: `bench of the bundled sample clip ${SAMPLE_BENCH.video} (${SAMPLE_BENCH.policy}, ${SAMPLE_BENCH.model} on ${SAMPLE_BENCH.backend})`,
  };
}
