/**
 * The tfjs setup the measuring anchors share with the app's TfjsSelfieRunner: wasm served from the app's own origin,
 * threads off (SIMD, one thread), and the same local selfie model files the app loads.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { GraphModelJson } from '../engine/segmenter/selfieArtifacts';

setWasmPaths('/tfjs-wasm/');
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

/** Switches tfjs to `name` and returns the backend it runs on; throws when it cannot start. */
export async function startBackend(name: string): Promise<string> {
  if (!(await tf.setBackend(name))) throw new Error(`backend ${name} could not start`);
  await tf.ready();
  return tf.getBackend();
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} is missing (HTTP ${response.status})`);
  return response;
}

/** The selfie model's graph JSON and weights, from /models (the app's files). */
export async function selfieFiles(): Promise<{ json: GraphModelJson; weights: ArrayBuffer }> {
  const [json, weights] = await Promise.all([
    fetchOk('/models/selfie.json').then((r) => r.json() as Promise<GraphModelJson>),
    fetchOk('/models/selfie.bin').then((r) => r.arrayBuffer()),
  ]);
  return { json, weights };
}

/** What an anchor page reports to the measuring tool (on `window.anchor`); `error` when it could not run. */
export interface AnchorState {
  backend?: string;
  error?: string;
  /** demoLoop: performance.now() of the first blurred frame drawn, and frames drawn so far. */
  firstMaskAt?: number;
  frames?: number;
  /** bareModel: p50 and every timed run, ms. */
  msP50?: number;
  runsMs?: number[];
}

declare global {
  interface Window {
    anchor?: AnchorState;
  }
}

/** Publishes the anchor's state and shows it on the page. */
export function report(state: AnchorState): void {
  window.anchor = state;
  const status = document.getElementById('status');
  if (status) status.textContent = JSON.stringify({ ...state, runsMs: undefined });
}
