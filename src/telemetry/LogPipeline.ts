import type { Logger } from '@opentelemetry/api';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider, type ReadableLogRecord } from '@opentelemetry/sdk-logs';
import type { FrameLogRecord } from '../core/log/frameLog';
import type { ExportQueueOptions, ExportStatus } from './ExportQueue';
import { inferenceLogRecord } from './inferenceLogRecord';
import { QueuedExporter } from './QueuedExporter';

export interface LogPipelineOptions {
  url: string;
  resource: Record<string, string>;
  /** Share of inferences logged, 0..1. */
  sampling: number;
  intervalMs: number;
  queue?: ExportQueueOptions;
  random?: () => number;
}

/**
 * Per-inference log records (sampled, off unless sampling > 0) with the logs SDK: the batch processor keeps at most
 * 2,048 records and drops past that; its batches then wait in the same kind of bounded, backed-off queue as metrics.
 */
export class LogPipeline {
  private readonly provider: LoggerProvider;
  private readonly exporter: QueuedExporter<ReadableLogRecord[]>;
  private readonly logger: Logger;
  private readonly random: () => number;

  constructor(private readonly options: LogPipelineOptions) {
    this.exporter = new QueuedExporter(
      new OTLPLogExporter({ url: options.url, timeoutMillis: 5000 }),
      options.queue,
    );
    this.provider = new LoggerProvider({
      resource: resourceFromAttributes(options.resource),
      processors: [
        new BatchLogRecordProcessor({
          exporter: this.exporter,
          scheduledDelayMillis: options.intervalMs,
          maxQueueSize: 2048,
          maxExportBatchSize: 512,
        }),
      ],
    });
    this.logger = this.provider.getLogger('segmeter');
    this.random = options.random ?? Math.random;
  }

  /** Emits the record when the sample says so; records of frames that did not run are never logged. */
  offer(record: FrameLogRecord): void {
    if (!record.ran || !(this.random() < this.options.sampling)) return;
    this.logger.emit(inferenceLogRecord(record));
  }

  get status(): ExportStatus {
    return this.exporter.status;
  }

  forceFlush(): Promise<void> {
    return this.provider.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.provider.shutdown();
  }
}
