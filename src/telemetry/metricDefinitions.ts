import { METRIC_GEN_AI_CLIENT_OPERATION_DURATION } from '@opentelemetry/semantic-conventions/incubating';

/** How a metric is recorded: per event (counter, histogram) or read at each collection (observed). */
export type MetricKind = 'counter' | 'histogram' | 'observed-sum' | 'gauge';

export interface MetricDefinition {
  name: string;
  unit: string;
  description: string;
  kind: MetricKind;
}

/**
 * Every metric SegMeter exports, named after the OpenTelemetry semantic conventions where one exists (the GenAI
 * client's operation duration) and under `segmeter.` where none does. The README's "Fleet telemetry" table lists the
 * same names and units.
 */
export const METRICS = {
  frames: {
    name: 'segmeter.frames',
    unit: '{frame}',
    description: 'Frames shown (composited), ran or skipped: what inferring every frame would have inferred.',
    kind: 'counter',
  },
  inferences: {
    name: 'segmeter.inferences',
    unit: '{inference}',
    description:
      'Inferences started (by the gate reason that ran them); those that fail are not billed: billed = this - segmeter.inferences.failed.',
    kind: 'counter',
  },
  refused: {
    name: 'segmeter.inferences.refused',
    unit: '{inference}',
    description:
      'Inferences the gate asked for that were refused (busy, budget, cost-saver, runaway, throttled).',
    kind: 'counter',
  },
  errors: {
    name: 'segmeter.inferences.failed',
    unit: '{inference}',
    description:
      'Inferences that failed (the model threw or timed out); the cached mask stayed in use, and they are not billed.',
    kind: 'counter',
  },
  duration: {
    name: METRIC_GEN_AI_CLIENT_OPERATION_DURATION,
    unit: 's',
    description: 'End-to-end duration of one inference: frame grab to mask on the main thread.',
    kind: 'histogram',
  },
  cost: {
    name: 'segmeter.as_if.cost',
    unit: 'USD',
    description:
      'What the session would have cost in the cloud so far, per catalog entry, as the cost panel prices it. A ' +
      'cumulative sum that can step down: per-minute entries price the stream time, frames / measured fps, and the ' +
      'fps is revised.',
    kind: 'observed-sum',
  },
  skipRatio: {
    name: 'segmeter.gate.skip_ratio',
    unit: '1',
    description: 'Share of the frames shown so far that reused the cached mask: 1 - inferences / frames.',
    kind: 'gauge',
  },
  expectedRate: {
    name: 'segmeter.gate.expected_rate',
    unit: '{inference}/min',
    description:
      'Inferences per minute the gate settings lead one to expect for the tier mix of the frames since the last export.',
    kind: 'gauge',
  },
  gateMode: {
    name: 'segmeter.gate.mode',
    unit: '1',
    description: 'Segmentation mode now (1 for the current mode, 0 for the others), with the gate policy.',
    kind: 'gauge',
  },
  budgetState: {
    name: 'segmeter.budget.state',
    unit: '1',
    description:
      'Budget guard state now (1 for the current state, 0 for the others); none when no budget is set.',
    kind: 'gauge',
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricKey = keyof typeof METRICS;

/** Bucket bounds of the duration histogram, seconds: 5 ms to 5 s, where on-device and cloud inferences fall. */
export const DURATION_BUCKETS_S = [0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12];
