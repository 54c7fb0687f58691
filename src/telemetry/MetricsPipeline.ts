import type {
  Attributes,
  Counter,
  Histogram,
  ObservableGauge,
  ObservableUpDownCounter,
} from '@opentelemetry/api';
import {
  AggregationTemporalityPreference,
  OTLPMetricExporter,
} from '@opentelemetry/exporter-metrics-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  MeterProvider,
  PeriodicExportingMetricReader,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import type { ExportQueueOptions, ExportStatus } from './ExportQueue';
import type { MetricPoint } from './frameEventMetrics';
import { DURATION_BUCKETS_S, METRICS } from './metricDefinitions';
import { type ExportTiming, QueuedExporter } from './QueuedExporter';

export interface MetricsPipelineOptions {
  /** Full URL of the metrics endpoint, e.g. /otlp/v1/metrics (same origin) or http://collector:4318/v1/metrics. */
  url: string;
  resource: Record<string, string>;
  intervalMs: number;
  /** Readings taken at each collection (as-if cost, skip ratio, mode, budget). */
  read: () => MetricPoint[];
  queue?: ExportQueueOptions;
  /** Per-request timeout of the OTLP exporter (its own retries stay within it). Default 5 s. */
  timeoutMs?: number;
}

/**
 * The OpenTelemetry SDK set up the one way SegMeter uses it: a MeterProvider with the session's resource, every
 * instrument of METRICS, delta temporality, a periodic reader, and the OTLP/HTTP JSON exporter behind a queue.
 */
export class MetricsPipeline {
  private readonly provider: MeterProvider;
  private readonly exporter: QueuedExporter<ResourceMetrics>;
  private readonly counters: Record<'frames' | 'inferences' | 'refused', Counter>;
  private readonly duration: Histogram;

  constructor(options: MetricsPipelineOptions) {
    const otlp = new OTLPMetricExporter({
      url: options.url,
      temporalityPreference: AggregationTemporalityPreference.DELTA,
      timeoutMillis: options.timeoutMs ?? 5000,
    });
    this.exporter = new QueuedExporter(otlp, options.queue);
    const reader = new PeriodicExportingMetricReader({
      exporter: Object.assign(this.exporter, {
        selectAggregationTemporality: otlp.selectAggregationTemporality.bind(otlp),
      }),
      exportIntervalMillis: options.intervalMs,
      exportTimeoutMillis: Math.min(options.intervalMs, 30_000),
    });
    this.provider = new MeterProvider({
      resource: resourceFromAttributes(options.resource),
      readers: [reader],
    });
    const meter = this.provider.getMeter('segmeter');
    const make = (key: 'frames' | 'inferences' | 'refused') =>
      meter.createCounter(METRICS[key].name, {
        unit: METRICS[key].unit,
        description: METRICS[key].description,
      });
    this.counters = { frames: make('frames'), inferences: make('inferences'), refused: make('refused') };
    this.duration = meter.createHistogram(METRICS.duration.name, {
      unit: METRICS.duration.unit,
      description: METRICS.duration.description,
      advice: { explicitBucketBoundaries: DURATION_BUCKETS_S },
    });
    const observed = {
      cost: meter.createObservableUpDownCounter(METRICS.cost.name, {
        unit: METRICS.cost.unit,
        description: METRICS.cost.description,
      }),
      skipRatio: meter.createObservableGauge(METRICS.skipRatio.name, {
        unit: METRICS.skipRatio.unit,
        description: METRICS.skipRatio.description,
      }),
      expectedRate: meter.createObservableGauge(METRICS.expectedRate.name, {
        unit: METRICS.expectedRate.unit,
        description: METRICS.expectedRate.description,
      }),
      gateMode: meter.createObservableGauge(METRICS.gateMode.name, {
        unit: METRICS.gateMode.unit,
        description: METRICS.gateMode.description,
      }),
      budgetState: meter.createObservableGauge(METRICS.budgetState.name, {
        unit: METRICS.budgetState.unit,
        description: METRICS.budgetState.description,
      }),
    } satisfies Record<string, ObservableUpDownCounter | ObservableGauge>;
    meter.addBatchObservableCallback((result) => {
      for (const p of options.read()) {
        const target = observed[p.metric as keyof typeof observed];
        if (target) result.observe(target, p.value, p.attributes as Attributes);
      }
    }, Object.values(observed));
  }

  /** Records per-event points (counters and the duration histogram); readings go through `read`. */
  record(points: readonly MetricPoint[]): void {
    for (const p of points) {
      if (p.metric === 'duration') this.duration.record(p.value, p.attributes);
      else if (p.metric === 'frames' || p.metric === 'inferences' || p.metric === 'refused')
        this.counters[p.metric].add(p.value, p.attributes);
    }
  }

  get status(): ExportStatus {
    return this.exporter.status;
  }

  get timing(): ExportTiming {
    return { ...this.exporter.timing };
  }

  /** Collects now and sends what is queued (page hide, the end of a CLI run). */
  forceFlush(): Promise<void> {
    return this.provider.forceFlush();
  }

  /** A last collection and send, then stops the reader. */
  shutdown(): Promise<void> {
    return this.provider.shutdown();
  }
}
