/** What the Telemetry panel shows about one signal's exports. */
export interface ExportStatus {
  /** idle: nothing sent yet; ok: the last send succeeded; failing: the last one failed (backing off). */
  state: 'idle' | 'ok' | 'failing';
  /** Wall-clock time of the last successful send, ms since the epoch. */
  lastExportAt: number | null;
  lastError: string | null;
  consecutiveFailures: number;
  /** True from `noticeAfter` failures in a row until a send succeeds: the panel raises a notice. */
  notice: boolean;
  queued: number;
  /** Batches dropped (oldest first) because the queue was full. */
  dropped: number;
  sent: number;
  /** Earliest time the next attempt may start while backing off, ms since the epoch. */
  retryAt: number | null;
}

export interface ExportQueueOptions {
  /** Batches kept while the collector is unreachable; past this the oldest is dropped. Default 20. */
  maxBatches?: number;
  /** First back-off after a failure, doubled per failure in a row up to maxBackoffMs. Default 5 s. */
  baseBackoffMs?: number;
  /** Default 5 minutes. */
  maxBackoffMs?: number;
  /** Failures in a row before the status asks for a notice. Default 3. */
  noticeAfter?: number;
  now?: () => number;
  onStatus?: (status: ExportStatus) => void;
}

/**
 * A bounded queue in front of a sender, so a collector that is down, slow or answering 4xx/5xx never piles work on
 * the page: at most one send in flight, batches kept in order up to `maxBatches` (then the oldest is dropped), and
 * after a failure nothing is attempted before an exponential back-off has passed. No timer of its own: an attempt is
 * only made when a batch arrives (each export interval) or on flush, so there is no retry storm by construction.
 */
export class ExportQueue<T> {
  private readonly batches: T[] = [];
  private inFlight: Promise<void> | null = null;
  private readonly maxBatches: number;
  private readonly baseBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly noticeAfter: number;
  private readonly now: () => number;
  private readonly onStatus: ((status: ExportStatus) => void) | undefined;
  private current: ExportStatus = {
    state: 'idle',
    lastExportAt: null,
    lastError: null,
    consecutiveFailures: 0,
    notice: false,
    queued: 0,
    dropped: 0,
    sent: 0,
    retryAt: null,
  };

  constructor(
    private readonly send: (batch: T) => Promise<void>,
    options: ExportQueueOptions = {},
  ) {
    this.maxBatches = Math.max(1, options.maxBatches ?? 20);
    this.baseBackoffMs = options.baseBackoffMs ?? 5000;
    this.maxBackoffMs = options.maxBackoffMs ?? 300_000;
    this.noticeAfter = options.noticeAfter ?? 3;
    this.now = options.now ?? Date.now;
    this.onStatus = options.onStatus;
  }

  get status(): ExportStatus {
    return { ...this.current };
  }

  /** Queues a batch (dropping the oldest when full) and sends the head if nothing is in flight or backing off. */
  push(batch: T): void {
    this.batches.push(batch);
    if (this.batches.length > this.maxBatches) {
      // The head may be in flight: drop the oldest batch that is not.
      this.batches.splice(this.inFlight ? 1 : 0, 1);
      this.current.dropped++;
    }
    this.update({ queued: this.batches.length });
    this.pump();
  }

  /** Sends what is queued, one batch at a time, while sends succeed and no back-off is due; resolves when done. */
  async flush(): Promise<void> {
    for (;;) {
      if (this.inFlight) await this.inFlight;
      if (!this.pump()) return;
    }
  }

  /** Starts sending the head; false when there is nothing to send now. */
  private pump(): boolean {
    if (this.inFlight || this.batches.length === 0) return this.inFlight !== null;
    if (this.current.retryAt !== null && this.now() < this.current.retryAt) return false;
    const batch = this.batches[0] as T;
    this.inFlight = this.send(batch).then(
      () => {
        if (this.batches[0] === batch) this.batches.shift();
        this.inFlight = null;
        this.update({
          state: 'ok',
          lastExportAt: this.now(),
          lastError: null,
          consecutiveFailures: 0,
          notice: false,
          queued: this.batches.length,
          sent: this.current.sent + 1,
          retryAt: null,
        });
        // Catch up on what queued while the collector was away, one batch at a time.
        this.pump();
      },
      (err: unknown) => {
        this.inFlight = null;
        const failures = this.current.consecutiveFailures + 1;
        const backoff = Math.min(this.maxBackoffMs, this.baseBackoffMs * 2 ** (failures - 1));
        this.update({
          state: 'failing',
          lastError: err instanceof Error ? err.message : String(err),
          consecutiveFailures: failures,
          notice: failures >= this.noticeAfter,
          queued: this.batches.length,
          retryAt: this.now() + backoff,
        });
      },
    );
    return true;
  }

  private update(patch: Partial<ExportStatus>): void {
    this.current = { ...this.current, ...patch };
    this.onStatus?.(this.status);
  }
}
