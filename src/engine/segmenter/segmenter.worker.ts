/// <reference lib="webworker" />

import { SELFIE_INPUT } from './DirectSelfieModel';
import type { FromWorker, ToWorker } from './segmenterProtocol';
import type { SegmenterInfo } from './segmenterTypes';
import { prepareBackend, TfjsSelfieRunner } from './TfjsSelfieRunner';
import { ModelFileError } from './verifiedFetch';

// The tfjs runtime off the main thread: the page keeps compositing at the source frame rate while the model runs.
declare const self: DedicatedWorkerGlobalScope;

let runner: TfjsSelfieRunner | null = null;
let modelId = '';

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);
const info = (): SegmenterInfo => ({
  modelId,
  runtime: 'tfjs',
  backend: runner?.backend ?? 'wasm',
  where: 'worker',
  path: runner?.path,
  inputSize: runner?.path === 'direct' ? { width: SELFIE_INPUT, height: SELFIE_INPUT } : null,
  timings: runner?.timings,
});

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'init':
      try {
        modelId = msg.model.id;
        runner = await TfjsSelfieRunner.load(
          msg.model,
          msg.backend,
          msg.warmup,
          (notice) => post({ type: 'notice', notice, info: info() }),
          msg.path,
        );
        post({ type: 'ready', info: info() });
      } catch (err) {
        post({
          type: 'init-error',
          message: (err as Error).message,
          file: err instanceof ModelFileError ? err.file : undefined,
        });
      } finally {
        msg.warmup?.close();
      }
      return;
    case 'prepare':
      prepareBackend(msg.backend);
      return;
    case 'segment':
      try {
        if (!runner) throw new Error('segmenter not loaded');
        const { mask, modelMs } = await runner.segment(msg.frame);
        const data = mask.data.buffer as ArrayBuffer;
        post({ type: 'mask', id: msg.id, data, width: mask.width, height: mask.height, modelMs }, [data]);
      } catch (err) {
        post({ type: 'failed', id: msg.id, message: (err as Error).message });
      } finally {
        msg.frame.close();
      }
      return;
    case 'num-tensors':
      post({ type: 'num-tensors', id: msg.id, count: runner?.numTensors() ?? 0 });
      return;
    case 'model-calls':
      post({ type: 'model-calls', id: msg.id, count: runner?.calls ?? 0 });
      return;
    case 'lose-context':
      post({ type: 'lose-context', id: msg.id, ok: runner?.loseContext() ?? false });
      return;
  }
};
