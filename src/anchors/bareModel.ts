/**
 * Measuring anchor (bench/bareModel.html, `npm run measure`): the selfie graph model alone, GraphModel.predict on a
 * 1x256x256x3 tensor with the output read back, on the app's backend setup. ?backend=NAME (default wasm),
 * ?runs=N timed runs (default 50) after 5 warm-up runs, stopping early (after at least 5) once ?budgetMs (default
 * 30000) of timed runs have passed, so a slow backend (cpu) still answers. Publishes the p50 on window.anchor.
 */
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import * as tf from '@tensorflow/tfjs-core';
import { percentile } from '../core/quality/percentile';
import { report, selfieFiles, startBackend } from './anchorBackend';

const WARMUP_RUNS = 5;
const MIN_RUNS = 5;

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const runs = Math.max(1, Number(params.get('runs') ?? 50) || 50);
  const budgetMs = Number(params.get('budgetMs') ?? 30_000) || 30_000;
  const backend = await startBackend(params.get('backend') ?? 'wasm');
  const { json, weights } = await selfieFiles();
  const model = await loadGraphModel({
    load: async () => ({
      format: json.format,
      modelTopology: json.modelTopology,
      signature: json.signature,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData: weights,
    }),
  });
  const input = tf.randomUniform([1, 256, 256, 3]);
  const times: number[] = [];
  let spent = 0;
  for (let i = 0; i < WARMUP_RUNS + runs && !(times.length >= MIN_RUNS && spent > budgetMs); i++) {
    const start = performance.now();
    const output = model.predict(input) as tf.Tensor;
    await output.data();
    output.dispose();
    if (i >= WARMUP_RUNS) {
      times.push(performance.now() - start);
      spent += times[times.length - 1];
    }
  }
  input.dispose();
  model.dispose();
  report({ backend, msP50: percentile(times, 50), runsMs: times });
}

main().catch((err: Error) => report({ error: err.message }));
