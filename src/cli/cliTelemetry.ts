import { randomUUID } from 'node:crypto';
import type { FrameEvent } from '../core/frameEvent.ts';
import { type CatalogEntry, isPriced } from '../core/pricing/catalogSchema.ts';
import type { SweepResult } from '../core/sweep/sweepTypes.ts';
import type { BenchFrames } from '../engine/replay/benchReplay.ts';
import type { SweepRun } from '../engine/replay/sweepReplay.ts';
import { exportEventMetrics } from '../telemetry/exportEventMetrics.ts';
import type { MetricPoint } from '../telemetry/frameEventMetrics.ts';

/** Checks --otlp: an http(s) base URL (the collector's OTLP/HTTP receiver, e.g. http://127.0.0.1:4318). */
export function parseOtlpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? value.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}

async function send(what: string, run: Parameters<typeof exportEventMetrics>[0]): Promise<void> {
  const status = await exportEventMetrics(run);
  if (status.state !== 'ok')
    throw new Error(`--otlp: ${what} metrics not exported (${status.lastError ?? 'no answer'})`);
}

/**
 * `bench --otlp URL`: the gate's run (not the every-frame reference pass) as one session, from its event list; the
 * exported inference counter adds up to the JSON's `inferences` (plus any billed duplicate of --inject-runaway,
 * under reason "duplicate").
 */
export function exportBenchTelemetry(
  url: string,
  frames: BenchFrames,
  entries: readonly CatalogEntry[],
  policy: string,
): Promise<void> {
  const first = frames.events[0];
  return send('bench', {
    url,
    events: frames.events,
    inferences: frames.inferences,
    pricing: { entries: entries.filter(isPriced), fps: frames.fps, frameBytes: 0 },
    sessionId: first?.sessionId ?? randomUUID(),
    installId: randomUUID(),
    runtime: first?.runtime ?? 'unknown',
    backend: first?.backend ?? 'unknown',
    policy,
  });
}

/**
 * `sweep --otlp URL`: what the sweep ran, the model on every frame once (the reference pass every point is
 * evaluated against), as one session; and each grid point's skip ratio as a reading labelled with its index.
 */
export function exportSweepTelemetry(
  url: string,
  run: SweepRun,
  result: SweepResult,
  entries: readonly CatalogEntry[],
): Promise<void> {
  const sessionId = randomUUID();
  const events: FrameEvent[] = Array.from({ length: run.frames }, (_, frame) => ({
    ts: 0,
    mediaTime: frame / run.fps,
    sessionId,
    frame,
    ran: true,
    reason: 'every-frame',
    source: 'replay',
    model: run.model,
    runtime: run.runtime as FrameEvent['runtime'],
    backend: run.backend as FrameEvent['backend'],
    inferenceId: frame,
    motion: null,
    mode: 'full',
  }));
  const extra: MetricPoint[] = result.points.map((p, i) => ({
    metric: 'skipRatio',
    value: p.skipRatio,
    attributes: {
      'segmeter.sweep.point': String(i),
      'segmeter.sweep.pareto': String(result.pareto.includes(i)),
    },
  }));
  return send('sweep', {
    url,
    events,
    pricing: { entries: entries.filter(isPriced), fps: run.fps, frameBytes: 0 },
    sessionId,
    installId: randomUUID(),
    runtime: run.runtime,
    backend: run.backend,
    policy: 'sweep',
    extra,
  });
}
