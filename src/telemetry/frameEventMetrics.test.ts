import { describe, expect, it } from 'vitest';
import { FrameEventStore } from '../core/fold/FrameEventStore';
import type { FrameEvent, InferenceRecord } from '../core/frameEvent';
import { loadDefaultCatalog } from '../core/pricing/defaultCatalog';
import { priceSession } from '../core/pricing/priceSession';
import {
  asIfCostUSD,
  frameEventMetrics,
  inferenceMetrics,
  type MetricPoint,
  sessionReadings,
} from './frameEventMetrics';

function event(frame: number, patch: Partial<FrameEvent> = {}): FrameEvent {
  return {
    ts: 1000 + frame * 33,
    mediaTime: frame / 30,
    sessionId: 's1',
    frame,
    ran: false,
    reason: 'static-skip',
    source: 'replay',
    model: 'selfie-general-tfjs',
    runtime: 'tfjs',
    backend: 'wasm',
    inferenceId: patch.ran ? frame : null,
    motion: 0.5,
    mode: 'full',
    ...patch,
  };
}

const sum = (points: MetricPoint[], metric: MetricPoint['metric'], where: Record<string, string> = {}) =>
  points
    .filter((p) => p.metric === metric && Object.entries(where).every(([k, v]) => p.attributes[k] === v))
    .reduce((s, p) => s + p.value, 0);

/** A session with every kind of event: ran, skipped, refused, failed, duplicate. */
const SESSION: FrameEvent[] = [
  event(0, { ran: true, reason: 'first-frame' }),
  event(1),
  event(2, { reason: 'busy' }),
  event(3, { ran: true, reason: 'motion' }),
  event(3, { ran: true, reason: 'duplicate' }),
  event(4, { ran: true, reason: 'max-skip' }),
  event(5, { reason: 'budget', mode: 'paused' }),
  event(6, { reason: 'hidden' }),
];

describe('frameEventMetrics', () => {
  it('adds up to the FrameEvent totals of the session', () => {
    const store = new FrameEventStore();
    const points: MetricPoint[] = [];
    for (const e of SESSION) {
      store.append(e);
      points.push(...frameEventMetrics(e));
    }
    expect(sum(points, 'frames')).toBe(store.totals.frames);
    expect(sum(points, 'inferences')).toBe(store.totals.inferences);
    expect(sum(points, 'frames')).toBe(7);
    expect(sum(points, 'inferences')).toBe(4);
  });

  it('labels inferences by reason and refusals by what refused them; plain skips are neither', () => {
    const points = SESSION.flatMap(frameEventMetrics);
    expect(sum(points, 'inferences', { 'segmeter.reason': 'duplicate' })).toBe(1);
    expect(sum(points, 'refused')).toBe(2);
    expect(sum(points, 'refused', { 'segmeter.reason': 'busy' })).toBe(1);
    expect(sum(points, 'refused', { 'segmeter.reason': 'budget' })).toBe(1);
    expect(frameEventMetrics(event(9, { reason: 'static-skip' })).map((p) => p.metric)).toEqual(['frames']);
  });

  it('records the latency of settled inferences in seconds; a failure counts as an error; checks are not exported', () => {
    const rec = (
      id: number,
      latencyMs: number | null,
      extra: Partial<InferenceRecord> = {},
    ): InferenceRecord => ({
      ...{ id, sessionId: 's1', frame: id, kind: 'gate', ts: 0, latencyMs, modelMs: latencyMs },
      ...extra,
    });
    const model = 'selfie-general-tfjs';
    const points = [
      ...inferenceMetrics(rec(0, 120), model),
      ...inferenceMetrics(rec(3, 80), model),
      ...inferenceMetrics(rec(5, 70, { kind: 'duplicate' }), model),
      ...inferenceMetrics(rec(4, null, { error: 'worker crashed' }), model),
      ...inferenceMetrics(rec(6, 30, { kind: 'shadow' }), model),
    ];
    const durations = points.filter((p) => p.metric === 'duration');
    expect(durations.map((p) => p.value)).toEqual([0.12, 0.08, 0.07]);
    expect(durations[0]?.attributes).toEqual({
      'gen_ai.operation.name': 'segmentation',
      'gen_ai.request.model': model,
    });
    expect(sum(points, 'errors', { 'error.type': 'inference_failed' })).toBe(1);
  });
});

describe('sessionReadings', () => {
  const catalog = loadDefaultCatalog();
  const entries = catalog.filter((e) =>
    ['aws-rekognition-image-group2', 'aws-rekognition-video-stored', 'fal-sam3-video'].includes(e.id),
  );
  const pricing = { entries, fps: 30, frameBytes: 0 };
  const totals = { frames: 1800, inferences: 200 };

  it('prices the session exactly as the cost panel does (priceSession), per entry', () => {
    const panel = priceSession(entries, {
      frames: 1800,
      inferences: 200,
      durationSeconds: 60,
      sessions: 1,
      frameBytes: 0,
    });
    const cost = asIfCostUSD(totals, pricing);
    expect(Object.keys(cost).sort()).toEqual(entries.map((e) => e.id).sort());
    for (const p of panel) expect(cost[p.id]).toBe(p.ranUSD);
  });

  it("reports the session's whole cost so far (a restarted exporter's series replaces the old one)", () => {
    const full = asIfCostUSD(totals, pricing);
    const id = 'aws-rekognition-image-group2';
    const points = sessionReadings({
      totals,
      pricing,
      mode: 'full',
      policy: 'adaptive',
      budget: null,
      expectedPerMinute: null,
    });
    expect(sum(points, 'cost', { 'segmeter.entry.id': id })).toBeCloseTo(full[id] ?? 0, 12);
    expect(full[id]).toBeCloseTo(0.2, 12);
  });

  it('reads the skip ratio, and one-hot mode and budget state', () => {
    const points = sessionReadings({
      totals,
      pricing,
      mode: 'reduced',
      policy: 'adaptive',
      budget: 'soft',
      expectedPerMinute: 240,
    });
    expect(sum(points, 'skipRatio')).toBeCloseTo(1 - 200 / 1800, 12);
    expect(sum(points, 'gateMode')).toBe(1);
    expect(sum(points, 'gateMode', { 'segmeter.mode': 'reduced', 'segmeter.policy': 'adaptive' })).toBe(1);
    expect(sum(points, 'budgetState', { 'segmeter.budget.state': 'soft' })).toBe(1);
    expect(sum(points, 'budgetState')).toBe(1);
    expect(sum(points, 'expectedRate')).toBe(240);
    const none = sessionReadings({
      totals: { frames: 0, inferences: 0 },
      pricing,
      mode: null,
      policy: 'x',
      budget: null,
      expectedPerMinute: null,
    });
    expect(none.filter((p) => p.metric !== 'cost')).toEqual([]);
  });
});
