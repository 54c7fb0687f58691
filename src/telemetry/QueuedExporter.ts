import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { ExportQueue, type ExportQueueOptions, type ExportStatus } from './ExportQueue';

/** The one method of an OpenTelemetry exporter (metrics or logs) that the queue needs. */
export interface BatchExporter<T> {
  export(batch: T, resultCallback: (result: ExportResult) => void): void;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

export interface ExportTiming {
  /** Main-thread time of each export call (serialising the batch and starting the request), ms. */
  lastMs: number | null;
  totalMs: number;
  calls: number;
}

/**
 * An OpenTelemetry exporter in front of the OTLP one: the SDK's reader (or log processor) hands it a batch and is
 * told "done" at once; the batch then waits in an ExportQueue (bounded, drop oldest, back-off) for its turn. So a
 * collector that is down or answers 5xx costs the page nothing but a queued batch, and the status says what happened.
 */
export class QueuedExporter<T> implements BatchExporter<T> {
  readonly queue: ExportQueue<T>;
  readonly timing: ExportTiming = { lastMs: null, totalMs: 0, calls: 0 };

  constructor(
    private readonly inner: BatchExporter<T>,
    options: ExportQueueOptions = {},
  ) {
    this.queue = new ExportQueue((batch) => this.sendNow(batch), options);
  }

  get status(): ExportStatus {
    return this.queue.status;
  }

  export(batch: T, resultCallback: (result: ExportResult) => void): void {
    this.queue.push(batch);
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  forceFlush(): Promise<void> {
    return this.queue.flush();
  }

  async shutdown(): Promise<void> {
    await this.queue.flush();
    await this.inner.shutdown();
  }

  private sendNow(batch: T): Promise<void> {
    return new Promise((resolve, reject) => {
      const t0 = performance.now();
      this.inner.export(batch, (result) => {
        if (result.code === ExportResultCode.SUCCESS) resolve();
        else reject(result.error ?? new Error('export failed'));
      });
      const ms = performance.now() - t0;
      this.timing.lastMs = ms;
      this.timing.totalMs += ms;
      this.timing.calls++;
    });
  }
}
