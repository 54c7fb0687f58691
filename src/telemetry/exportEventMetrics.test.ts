import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OtlpReceiver } from '../../e2e/fixtures/otlpReceiver';
import type { FrameEvent } from '../core/frameEvent';
import { loadDefaultCatalog } from '../core/pricing/defaultCatalog';
import { priceSession } from '../core/pricing/priceSession';
import { exportEventMetrics } from './exportEventMetrics';

function event(frame: number, patch: Partial<FrameEvent> = {}): FrameEvent {
  return {
    ts: 1_700_000_000_000 + frame * 33,
    mediaTime: frame / 30,
    sessionId: 'bench-1',
    frame,
    ran: frame % 5 === 0,
    reason: frame % 5 === 0 ? 'motion' : 'static-skip',
    source: 'replay',
    model: 'selfie-general-tfjs',
    runtime: 'tfjs',
    backend: 'wasm',
    inferenceId: frame % 5 === 0 ? frame : null,
    motion: 1,
    mode: 'full',
    ...patch,
  };
}

describe('exportEventMetrics (the CLI path) against a local OTLP/HTTP receiver', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => {
    receiver = await OtlpReceiver.start(0);
  });
  afterAll(() => receiver.close());

  it('exports one session whose counters equal the event totals and whose cost is priceSession', async () => {
    const events = Array.from({ length: 90 }, (_, i) => event(i));
    const inferences = events
      .filter((e) => e.ran)
      .map((e) => ({
        ...{ id: e.frame, sessionId: 'bench-1', frame: e.frame, kind: 'gate' as const },
        ...{ ts: e.ts, latencyMs: 40 + e.frame, modelMs: 20 },
      }));
    const entries = loadDefaultCatalog().filter((e) =>
      ['aws-rekognition-image-group2', 'aws-rekognition-video-stored'].includes(e.id),
    );
    const status = await exportEventMetrics({
      url: `http://127.0.0.1:${receiver.port}`,
      events,
      inferences,
      pricing: { entries, fps: 30, frameBytes: 0 },
      sessionId: 'bench-1',
      installId: 'install-1',
      runtime: 'tfjs',
      backend: 'wasm',
      policy: 'adaptive',
    });
    expect(status).toMatchObject({ state: 'ok', sent: 1 });
    expect(receiver.requests.map((r) => r.path)).toEqual(['/v1/metrics']);
    expect(receiver.sum('segmeter.frames', 'bench-1')).toBe(90);
    expect(receiver.sum('segmeter.inferences', 'bench-1')).toBe(18);
    expect(receiver.histogramCount('gen_ai.client.operation.duration', 'bench-1')).toBe(18);
    const prices = priceSession(entries, {
      frames: 90,
      inferences: 18,
      durationSeconds: 3,
      sessions: 1,
      frameBytes: 0,
    });
    for (const p of prices) {
      expect(receiver.latest('segmeter.as_if.cost', 'bench-1', { 'segmeter.entry.id': p.id })).toBeCloseTo(
        p.ranUSD ?? Number.NaN,
        12,
      );
    }
    expect(receiver.resources().get('bench-1')).toMatchObject({
      'service.name': 'segmeter',
      'segmeter.host': 'node',
      'segmeter.install.id': 'install-1',
      feature: 'segmentation',
    });
    // Delta temporality (AGGREGATION_TEMPORALITY_DELTA = 1) for the counters.
    expect(receiver.metrics('segmeter.frames')[0]?.sum?.aggregationTemporality).toBe(1);
    // The cost may step down (a revised fps): an UpDownCounter, which the delta preference keeps cumulative (2).
    expect(receiver.metrics('segmeter.as_if.cost')[0]?.sum).toMatchObject({
      aggregationTemporality: 2,
      isMonotonic: false,
    });
  });
});
