/**
 * npx tsx scripts/pathAgreement.ts [--every N] [--resize segmeter|tf] [clips...]
 *
 * Do the direct model path and body-segmentation's segmentPeople give the same masks? For every Nth frame of each
 * clip (default: the three shared clips), runs both on the same decoded frame (Node, tfjs wasm) and prints the IoU
 * of the two masks at the frame's resolution (person = p >= 0.5): mean, 5th percentile and minimum per clip.
 * The direct path's resize here is tfjs's bilinear resize; in the browser it is the canvas's. Prints one JSON line.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import * as bodySegmentation from '@tensorflow-models/body-segmentation';
import '@tensorflow/tfjs-backend-wasm';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { iou } from '../src/core/quality/iou';
import { percentile } from '../src/core/quality/percentile';
import { upsampleBilinear } from '../src/core/quality/upsampleBilinear';
import {
  type GraphModelJson,
  plainArtifacts,
  twoChannelArtifacts,
} from '../src/engine/segmenter/selfieArtifacts';

const W = 640;
const H = 480;
const SHARED = ['motion_asl_signer', 'walk_in_out', 'scene_cuts_tears_of_steel'].map(
  (n) => `../shared/media/${n}_640x480.mp4`,
);

async function* frames(file: string): AsyncGenerator<Uint8Array> {
  const ff = spawn(
    '/usr/bin/ffmpeg',
    ['-v', 'error', '-i', file, '-vf', `scale=${W}:${H}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const size = W * H * 3;
  let buf = new Uint8Array(size);
  let fill = 0;
  for await (const chunk of ff.stdout as AsyncIterable<Buffer>) {
    let off = 0;
    while (off < chunk.length) {
      const n = Math.min(size - fill, chunk.length - off);
      buf.set(chunk.subarray(off, off + n), fill);
      fill += n;
      off += n;
      if (fill === size) {
        yield buf;
        buf = new Uint8Array(size);
        fill = 0;
      }
    }
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { every: { type: 'string', default: '3' }, resize: { type: 'string', default: 'segmeter' } },
    allowPositionals: true,
  });
  const every = Number(values.every);
  if (!Number.isInteger(every) || every < 1) throw new Error('--every must be a whole number >= 1');
  await tf.setBackend('wasm');
  await tf.ready();
  const json = JSON.parse(readFileSync('models/selfie.json', 'utf8')) as GraphModelJson;
  const bin = readFileSync('models/selfie.bin');
  const weights = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
  const direct = await loadGraphModel({ load: async () => plainArtifacts(json, weights) });
  const library = await bodySegmentation.createSegmenter(
    bodySegmentation.SupportedModels.MediaPipeSelfieSegmentation,
    {
      runtime: 'tfjs',
      modelType: 'general',
      modelUrl: { load: async () => twoChannelArtifacts(json, weights) },
    },
  );
  const up = new Uint8Array(W * H);
  const results: Record<string, { frames: number; iouMean: number; iouP05: number; iouMin: number }> = {};
  for (const clip of positionals.length ? positionals : SHARED) {
    const ious: number[] = [];
    let i = 0;
    for await (const rgb of frames(clip)) {
      if (i++ % every !== 0) continue;
      const image = tf.tensor3d(rgb, [H, W, 3], 'int32');
      const small = tf.tidy(() => tf.expandDims(tf.div(tf.image.resizeBilinear(image, [256, 256]), 255), 0));
      const out = direct.execute(small) as tf.Tensor;
      const p = (await out.data()) as Float32Array;
      small.dispose();
      if (values.resize === 'tf') {
        // tfjs's own bilinear resize (no half-pixel centres), as body-segmentation resizes its mask.
        const big = tf.tidy(() =>
          tf.reshape(tf.image.resizeBilinear(tf.reshape(out, [256, 256, 1]) as tf.Tensor3D, [H, W]), [-1]),
        );
        const q = (await big.data()) as Float32Array;
        big.dispose();
        for (let k = 0; k < q.length; k++) up[k] = Math.round(q[k] * 255);
      } else {
        const bytes = new Uint8ClampedArray(p.length);
        for (let k = 0; k < p.length; k++) bytes[k] = p[k] * 255;
        upsampleBilinear(bytes, 256, 256, up, W, H);
      }
      const people = await library.segmentPeople(image as tf.Tensor3D);
      const rgba = (await people[0].mask.toTensor()) as tf.Tensor3D;
      const lib = tf.tidy(() => tf.reshape(tf.slice(rgba, [0, 0, 0], [-1, -1, 1]), [-1]));
      const libMask = (await lib.data()) as Float32Array;
      tf.dispose([rgba, lib, image, out]);
      ious.push(iou(up, Float32Array.from(libMask)));
    }
    const name = basename(clip, '.mp4');
    const mean = ious.reduce((a, b) => a + b, 0) / ious.length;
    results[name] = {
      frames: ious.length,
      iouMean: mean,
      iouP05: percentile(ious, 5),
      iouMin: Math.min(...ious),
    };
    process.stderr.write(
      `${name}: ${ious.length} frames, IoU mean ${mean.toFixed(4)}, p05 ${results[name].iouP05.toFixed(4)}\n`,
    );
  }
  process.stdout.write(`${JSON.stringify({ every, results })}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`pathAgreement: ${err.message}\n`);
  process.exit(1);
});
