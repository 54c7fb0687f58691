/**
 * Inference pass of the gate study: decodes a clip with ffmpeg, runs the selfie model on EVERY frame
 * (tfjs wasm, Node) and caches what the simulation needs under .cache/gate-study/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { type GraphModel, loadGraphModel } from '@tensorflow/tfjs-converter';
import { greyThumbnail, THUMB_HEIGHT, THUMB_WIDTH } from '../src/core/motion/greyThumbnail';
import {
  STUDY_CACHE_VERSION,
  STUDY_FRAME_H,
  STUDY_FRAME_W,
  STUDY_MASK_WORDS,
  type StudyCacheMeta,
  studyCacheFiles,
  studyClipName,
} from '../src/core/studyCache';

export const FRAME_W = STUDY_FRAME_W;
export const FRAME_H = STUDY_FRAME_H;
export const MASK_WORDS = STUDY_MASK_WORDS;
export const THUMB_N = THUMB_WIDTH * THUMB_HEIGHT;

export interface ClipCache {
  name: string;
  frames: number;
  /** Person masks at 640x480 (p >= 0.5 after bilinear upsampling), bit-packed, MASK_WORDS words per frame. */
  masks: Uint32Array;
  /** 64x48 area-averaged Rec.601 grey thumbnails, THUMB_N floats per frame. */
  thumbs: Float32Array;
  /** 64x48 area-averaged person share (0..1) of each frame's mask, THUMB_N floats per frame. */
  maskThumbs: Float32Array;
  modelMsMean: number;
}

interface ModelJson {
  format: string;
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

let model: GraphModel | null = null;

async function getModel(): Promise<GraphModel> {
  if (model) return model;
  await tf.setBackend('wasm');
  await tf.ready();
  const json = JSON.parse(readFileSync('models/selfie.json', 'utf8')) as ModelJson;
  const bin = readFileSync('models/selfie.bin');
  const weightSpecs = json.weightsManifest.flatMap(
    (g: { weights: tf.io.WeightsManifestEntry[] }) => g.weights,
  );
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  model = await loadGraphModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData, format: json.format }),
  );
  return model;
}

/** Streams raw RGBA frames out of ffmpeg, one callback per full frame. */
async function decodeFrames(file: string, onFrame: (rgba: Uint8Array) => Promise<void>): Promise<number> {
  const frameBytes = FRAME_W * FRAME_H * 4;
  const ff = spawn(
    '/usr/bin/ffmpeg',
    [
      '-v',
      'error',
      '-i',
      file,
      '-vf',
      `scale=${FRAME_W}:${FRAME_H}`,
      '-r',
      '30',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgba',
      '-',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const buf = new Uint8Array(frameBytes);
  let fill = 0;
  let count = 0;
  for await (const chunk of ff.stdout as AsyncIterable<Buffer>) {
    let off = 0;
    while (off < chunk.length) {
      const n = Math.min(frameBytes - fill, chunk.length - off);
      buf.set(chunk.subarray(off, off + n), fill);
      fill += n;
      off += n;
      if (fill === frameBytes) {
        await onFrame(buf);
        fill = 0;
        count++;
      }
    }
  }
  return count;
}

function cachePaths(dir: string, name: string) {
  const f = studyCacheFiles(name);
  return {
    meta: join(dir, f.meta),
    masks: join(dir, f.masks),
    thumbs: join(dir, f.thumbs),
    maskThumbs: join(dir, f.maskThumbs),
  };
}

function readTyped<T>(file: string, make: (b: ArrayBuffer) => T): T {
  const b = readFileSync(file);
  return make(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

export async function loadOrBuildClipCache(file: string, dir: string): Promise<ClipCache> {
  const name = studyClipName(file);
  const p = cachePaths(dir, name);
  if (existsSync(p.meta)) {
    const meta = JSON.parse(readFileSync(p.meta, 'utf8')) as StudyCacheMeta;
    if (meta.version === STUDY_CACHE_VERSION) {
      return clearStrayFrames({
        name,
        frames: meta.frames,
        modelMsMean: meta.modelMsMean,
        masks: readTyped(p.masks, (b) => new Uint32Array(b)),
        thumbs: readTyped(p.thumbs, (b) => new Float32Array(b)),
        maskThumbs: readTyped(p.maskThumbs, (b) => new Float32Array(b)),
      });
    }
  }
  mkdirSync(dir, { recursive: true });
  const m = await getModel();
  const masks: Uint32Array[] = [];
  const thumbs: Float32Array[] = [];
  const maskThumbs: Float32Array[] = [];
  let modelMs = 0;
  const t0 = Date.now();
  const frames = await decodeFrames(file, async (rgba) => {
    const thumb = new Float32Array(THUMB_N);
    greyThumbnail(rgba, FRAME_W, FRAME_H, thumb);
    thumbs.push(thumb);
    const t = performance.now();
    const bits = tf.tidy(() => {
      const img = tf.tensor3d(rgba, [FRAME_H, FRAME_W, 4], 'int32');
      const rgb = tf.div(tf.cast(tf.slice(img, [0, 0, 0], [FRAME_H, FRAME_W, 3]), 'float32'), 255);
      const input = tf.expandDims(tf.image.resizeBilinear(rgb as tf.Tensor3D, [256, 256], false, true), 0);
      const prob = m.predict(input) as tf.Tensor4D;
      // Person = probability >= 0.5 at the frame's resolution: upsample bilinearly, then threshold.
      const up = tf.image.resizeBilinear(
        tf.squeeze(prob, [0]) as tf.Tensor3D,
        [FRAME_H, FRAME_W],
        false,
        true,
      );
      return tf.cast(tf.greaterEqual(up, 0.5), 'int32');
    });
    const person = (await bits.data()) as Int32Array;
    bits.dispose();
    modelMs += performance.now() - t;
    const packed = new Uint32Array(MASK_WORDS);
    const mt = new Float32Array(THUMB_N);
    const bw = FRAME_W / THUMB_WIDTH;
    const bh = FRAME_H / THUMB_HEIGHT;
    for (let i = 0; i < person.length; i++) {
      if (person[i] !== 0) {
        packed[i >>> 5] |= 1 << (i & 31);
        const y = (i / FRAME_W) | 0;
        const x = i - y * FRAME_W;
        mt[((y / bh) | 0) * THUMB_WIDTH + ((x / bw) | 0)] += 1 / (bw * bh);
      }
    }
    masks.push(packed);
    maskThumbs.push(mt);
    if (masks.length % 100 === 0) process.stderr.write(`${name}: ${masks.length} frames\n`);
  });
  const concat = <T extends Float32Array | Uint32Array>(
    parts: T[],
    each: number,
    make: (n: number) => T,
  ): T => {
    const all = make(parts.length * each);
    parts.forEach((part, i) => {
      all.set(part, i * each);
    });
    return all;
  };
  const cache: ClipCache = {
    name,
    frames,
    modelMsMean: modelMs / frames,
    masks: concat(masks, MASK_WORDS, (n) => new Uint32Array(n)),
    thumbs: concat(thumbs, THUMB_N, (n) => new Float32Array(n)),
    maskThumbs: concat(maskThumbs, THUMB_N, (n) => new Float32Array(n)),
  };
  writeFileSync(p.masks, new Uint8Array(cache.masks.buffer));
  writeFileSync(p.thumbs, new Uint8Array(cache.thumbs.buffer));
  writeFileSync(p.maskThumbs, new Uint8Array(cache.maskThumbs.buffer));
  writeFileSync(
    p.meta,
    JSON.stringify({
      version: STUDY_CACHE_VERSION,
      frames,
      modelMsMean: cache.modelMsMean,
      wallS: (Date.now() - t0) / 1000,
    }),
  );
  process.stderr.write(`${name}: ${frames} frames cached, model ${cache.modelMsMean.toFixed(1)} ms/frame\n`);
  return clearStrayFrames(cache);
}

/**
 * SEGMETER_CLEAR_STRAY=1 (a study of session 21, not what the app does): masks with fewer than MIN_PERSON_SHARE
 * person pixels count as nobody. 0.1% of the frame (307 pixels at 640x480, a 17x17 patch) is smaller than any person
 * a webcam frames; chosen from that, not from a clip. In an empty room the model answers with a few stray pixels that
 * come and go (walk_in_out: 20 of its 189 frames without a person hold 1 to 299), and any reused mask scores IoU 0
 * against them. The cache keeps raw masks; this clears them on load (and the IoU tables are cached per convention).
 */
export const CLEAR_STRAY = process.env.SEGMETER_CLEAR_STRAY === '1';
const MIN_PERSON_SHARE = 0.001;

function clearStrayFrames(cache: ClipCache): ClipCache {
  if (!CLEAR_STRAY) return cache;
  const limit = Math.ceil(MIN_PERSON_SHARE * FRAME_W * FRAME_H);
  for (let f = 0; f < cache.frames; f++) {
    const words = cache.masks.subarray(f * MASK_WORDS, (f + 1) * MASK_WORDS);
    let people = 0;
    for (let i = 0; i < MASK_WORDS && people < limit; i++) people += bitCount(words[i]);
    if (people >= limit) continue;
    words.fill(0);
    cache.maskThumbs.fill(0, f * THUMB_N, (f + 1) * THUMB_N);
  }
  return cache;
}

/** Set bits of a 32-bit word. */
export function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
