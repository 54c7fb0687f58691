import { describe, expect, it } from 'vitest';
import type { NoticeBody, NoticeCode, NoticeParams } from '../core/notice';
import { noticeText } from './noticeText';

const change = { from: 'ok', to: 'soft', mode: 'reduced', spentUSD: 0.4, limitUSD: 0.5 } as const;

/** One sample per code: the mapped type makes a code without a sample a type error. */
const SAMPLES: { [C in NoticeCode]: NoticeParams[C] } = {
  'camera-denied': {},
  'camera-missing': {},
  'camera-busy': {},
  'camera-unsupported': {},
  'camera-failed': { error: 'AbortError' },
  'camera-stream-failed': { error: 'play() was interrupted' },
  'camera-lost': {},
  'clip-unplayable': { label: 'holiday.mp4', error: 'it has no video track' },
  'source-failed': { error: 'out of memory' },
  'segmentation-unavailable': { error: '/models/manifest.json is missing (HTTP 404)' },
  'model-fallback': {
    error: 'Model file /models/selfie.bin is missing (HTTP 404)',
    fallback: 'Selfie general 256x256 (MediaPipe solution)',
  },
  'worker-unavailable': { error: 'Worker is not defined' },
  'backend-unavailable': { backend: 'webgl' },
  'webgl-fallback': { error: 'CONTEXT_LOST_WEBGL' },
  'backend-started': { backend: 'wasm', remembered: false },
  'backend-timed': { timings: { wasm: 24.26, webgl: 'no WebGL here' }, backend: 'wasm', switched: false },
  'segmentation-stepped-aside': { error: 'injected model fault' },
  'segmentation-back': {},
  'model-hung': { why: 'no answer from the model within 4 s' },
  'compositor-fallback': { why: 'the compositor worker failed (boom)' },
  'cloud-degraded': { reason: '3 of the last 10 requests failed' },
  'cloud-recovered': {},
  'runaway-tripped': { reason: 'Runaway inference: 9 requests for frame 3' },
  'runaway-simulated': {},
  'runaway-reset': {},
  'budget-changed': { ...change, reason: 'segmentation_mode: reduced (80% of $0.50 budget for x spent)' },
  anomaly: {
    reason: 'inferences per minute 900 is 80% above its trailing average 500',
    metric: 'inferencesPerMinute',
    value: 900,
    trailingAverage: 500,
  },
  'budget-dropped': { catalogId: 'aws-rekognition-image-group2', why: 'missing' },
  'budget-restored': { limitUSD: 0.02, period: 'day', catalogId: 'aws-rekognition-image-group2' },
  'budget-not-restored': { errors: ['limitUSD: expected a number > 0', 'period: unknown'] },
  'budget-storage-unavailable': { error: 'The quota has been exceeded.', period: 'day' },
  'budget-period-rolled': { period: 'month', key: '2026-12' },
  'policy-rejected': { spec: 'stride:0', error: 'unknown gate policy "stride:0"' },
  'background-unusable': { name: 'beach.png', error: 'not an image this browser can decode' },
  'gate-file-loaded': { file: 'gate.json' },
  'gate-file-rejected': { file: 'gate.json', errors: ['staticThreshold: expected number'] },
  'replay-stopped': { error: 'the source changed' },
  'telemetry-failing': { failures: 3, error: 'HTTP 503' },
};

const bodies = Object.entries(SAMPLES).map(([code, params]) => ({ code, params }) as NoticeBody);
/** The variants whose optional facts are missing. */
const nullVariants: NoticeBody[] = [
  { code: 'webgl-fallback', params: { error: null } },
  { code: 'segmentation-stepped-aside', params: { error: null } },
  { code: 'telemetry-failing', params: { failures: 4, error: null } },
  { code: 'backend-started', params: { backend: 'webgl', remembered: true } },
  { code: 'backend-timed', params: { timings: {}, backend: 'webgl', switched: true } },
  { code: 'budget-dropped', params: { catalogId: 'x', why: 'unpriced' } },
  { code: 'budget-restored', params: { limitUSD: 5, period: 'session', catalogId: 'x' } },
];

describe('noticeText', () => {
  it('renders every code as a sentence with no missing or non-numeric value', () => {
    for (const body of [...bodies, ...nullVariants]) {
      const text = noticeText(body);
      expect(text.length, body.code).toBeGreaterThan(10);
      expect(text, body.code).not.toMatch(/undefined|NaN|null|\[object /);
    }
  });

  it('gives each code its own text (two codes that read the same would be one code)', () => {
    const texts = bodies.map(noticeText);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('keeps the texts the e2e specs look for', () => {
    const text = (body: NoticeBody) => noticeText(body);
    expect(text({ code: 'camera-denied', params: {} })).toMatch(/^Camera permission was denied/);
    expect(text({ code: 'camera-missing', params: {} })).toMatch(/^No camera was found/);
    expect(text({ code: 'camera-lost', params: {} })).toMatch(/^The camera stopped/);
    expect(text({ code: 'clip-unplayable', params: SAMPLES['clip-unplayable'] })).toBe(
      '"holiday.mp4" cannot be played as video here (it has no video track); the previous source keeps playing.',
    );
    expect(text({ code: 'model-fallback', params: SAMPLES['model-fallback'] })).toMatch(
      /Model file \/models\/selfie\.bin is missing \(HTTP 404\).*Falling back to Selfie general 256x256 \(MediaPipe solution\)/,
    );
    expect(text({ code: 'backend-unavailable', params: { backend: 'webgl' } })).toBe(
      'webgl is not available here: switched to wasm',
    );
    expect(text({ code: 'webgl-fallback', params: { error: null } })).toBe(
      'the WebGL context was lost: switched to wasm',
    );
    expect(text({ code: 'webgl-fallback', params: { error: 'bad shader' } })).toBe(
      'WebGL failed (bad shader): switched to wasm',
    );
    expect(text({ code: 'backend-started', params: SAMPLES['backend-started'] })).toContain(
      'timing the other backends in the background',
    );
    expect(text({ code: 'backend-timed', params: SAMPLES['backend-timed'] })).toBe(
      'Background timing (wasm 24.3 ms, webgl no WebGL here): staying on wasm',
    );
    expect(text({ code: 'segmentation-back', params: {} })).toMatch(/^Segmentation is back/);
    expect(text({ code: 'model-hung', params: SAMPLES['model-hung'] })).toMatch(
      /^The model stopped answering/,
    );
    expect(text({ code: 'cloud-degraded', params: SAMPLES['cloud-degraded'] })).toMatch(
      /^Cloud \(simulated\) degraded/,
    );
    expect(text({ code: 'runaway-tripped', params: SAMPLES['runaway-tripped'] })).toMatch(
      /^Inference disabled by the runaway guard/,
    );
    expect(text({ code: 'budget-dropped', params: SAMPLES['budget-dropped'] })).toMatch(
      /^Budget removed: its entry aws-rekognition-image-group2 is no longer in the catalog/,
    );
    expect(text({ code: 'budget-dropped', params: { catalogId: 'x', why: 'unpriced' } })).toMatch(
      /has no price any more/,
    );
    expect(text({ code: 'budget-restored', params: SAMPLES['budget-restored'] })).toBe(
      'Budget restored: $0.02 today on aws-rekognition-image-group2.',
    );
    expect(
      text({ code: 'budget-storage-unavailable', params: SAMPLES['budget-storage-unavailable'] }),
    ).toMatch(/^Browser storage is unavailable \(The quota has been exceeded\.\).*this session only/);
    expect(text({ code: 'budget-period-rolled', params: { period: 'day', key: '2026-11-29' } })).toBe(
      "A new day began (2026-11-29): the budget counts from today's usage.",
    );
    expect(text({ code: 'telemetry-failing', params: SAMPLES['telemetry-failing'] })).toMatch(/^Telemetry:/);
  });
});
