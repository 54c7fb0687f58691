import type { FrameEventStore } from '../core/fold/FrameEventStore';
import type { FrameEvent, InferenceRecord } from '../core/frameEvent';
import { toFrameLogRecord } from '../core/log/frameLog';
import type { ExportStatus } from './ExportQueue';
import {
  frameEventMetrics,
  inferenceMetrics,
  type MetricPoint,
  type SessionReading,
  sessionReadings,
} from './frameEventMetrics';
import { LogPipeline } from './LogPipeline';
import { MetricsPipeline } from './MetricsPipeline';
import { telemetryResourceAttributes } from './telemetryResource';
import { signalUrl, type TelemetrySettings } from './telemetrySettings';

/** What the telemetry reads from a live session: its event stream, and the rest at each collection. */
export interface TelemetrySource {
  store: FrameEventStore;
  sessionId: string;
  installId: string;
  runtime: string;
  backend: string;
  /** Everything but the totals (read from the store), at collection time. `recent` = events since the last read. */
  read(recent: readonly FrameEvent[]): Omit<SessionReading, 'totals'>;
}

/**
 * What one session has already handed to an exporter, kept across restarts (the endpoint, interval or backend
 * changed): the next exporter goes on from there, so nothing is counted twice and nothing is left out.
 */
export interface TelemetryCarry {
  /** The store's `appended` count up to which events have been recorded (a cleared store starts over). */
  cursor: number;
  /** The store's `totals.settled` count up to which inference records have been recorded. */
  settled: number;
}

export function newCarry(): TelemetryCarry {
  return { cursor: 0, settled: 0 };
}

export interface TelemetryStatus {
  metrics: ExportStatus;
  logs: ExportStatus | null;
  /** Main-thread ms of the last metrics export call and the mean over all of them. */
  exportMs: { last: number | null; mean: number | null; calls: number };
  /** Main-thread ms spent since `startedAt` (performance.now()) on each event and on each collection's readings. */
  work: { recordMs: number; readMs: number; reads: number; exportMsTotal: number; startedAt: number };
}

/**
 * A live session's fleet telemetry while it is switched on: every FrameEvent (store.subscribe) through the pure
 * mapping into the SDK's instruments, readings at each collection, an export every interval and on page hide.
 * Exports never block or disturb the live view: the SDK's timers, a bounded queue, a back-off.
 */
export class SessionTelemetry {
  private readonly metrics: MetricsPipeline;
  private readonly logs: LogPipeline | null;
  private readonly unsubscribe: () => void;
  private readCursor: number;
  /** Records that settled before their frame's event was appended (frame-stepped replay), by id. */
  private readonly early = new Map<number, InferenceRecord>();
  /** Set by stop(): the readings at that moment, which the SDK's last collection then reports. */
  private final: MetricPoint[] | null = null;
  private readonly onHide = () => {
    if (document.visibilityState === 'hidden') void this.flush();
  };
  private readonly onPageHide = () => void this.flush();
  private readonly work = { recordMs: 0, readMs: 0, reads: 0, startedAt: performance.now() };

  constructor(
    private readonly source: TelemetrySource,
    settings: TelemetrySettings,
    private readonly carry: TelemetryCarry,
  ) {
    const resource = telemetryResourceAttributes({
      sessionId: source.sessionId,
      installId: source.installId,
      runtime: source.runtime,
      backend: source.backend,
      feature: settings.feature,
      host: 'browser',
    });
    const intervalMs = settings.intervalS * 1000;
    if (source.store.appended < carry.cursor) Object.assign(carry, newCarry());
    this.readCursor = carry.cursor;
    this.metrics = new MetricsPipeline({
      url: signalUrl(settings.endpoint, 'metrics'),
      resource,
      intervalMs,
      read: () => this.read(),
    });
    this.logs =
      settings.logSampling > 0
        ? new LogPipeline({
            url: signalUrl(settings.endpoint, 'logs'),
            resource,
            sampling: settings.logSampling,
            intervalMs,
          })
        : null;
    // Catch up on what the session did before telemetry was switched on (or before this restart), then follow.
    for (const e of source.store.since(carry.cursor)) this.record(e);
    for (const r of source.store.settledSince(carry.settled)) this.settle(r);
    const offFrames = source.store.subscribe((e) => this.record(e));
    const offInferences = source.store.subscribeInferences((r) => this.settle(r));
    this.unsubscribe = () => {
      offFrames();
      offInferences();
    };
    document.addEventListener('visibilitychange', this.onHide);
    window.addEventListener('pagehide', this.onPageHide);
  }

  private record(e: FrameEvent): void {
    const t0 = performance.now();
    this.metrics.record(frameEventMetrics(e));
    this.carry.cursor = this.source.store.appended;
    // Frame-stepped replay settles an inference before its frame is composited: log it once the frame arrives.
    const early = e.inferenceId === null ? undefined : this.early.get(e.inferenceId);
    if (early) {
      this.early.delete(early.id);
      this.log(e, early);
    }
    this.work.recordMs += performance.now() - t0;
  }

  /** A settled inference: its duration (or failure), and its log record joined with the frame that started it. */
  private settle(r: InferenceRecord): void {
    const t0 = performance.now();
    const events = this.source.store.events;
    let started: FrameEvent | undefined;
    for (let i = events.length - 1; i >= 0 && !started; i--)
      if (events[i].inferenceId === r.id) started = events[i];
    this.metrics.record(inferenceMetrics(r, started?.model ?? events.at(-1)?.model ?? 'unknown'));
    this.carry.settled = this.source.store.totals.settled;
    if (started) this.log(started, r);
    else if (r.kind !== 'shadow' && this.early.size < 64) this.early.set(r.id, r);
    this.work.recordMs += performance.now() - t0;
  }

  private log(started: FrameEvent, r: InferenceRecord): void {
    if (!this.logs) return;
    const reading = this.source.read([]);
    this.logs.offer(
      toFrameLogRecord(started, reading.pricing.entries, { fps: reading.pricing.fps, inference: r }),
    );
  }

  private read(): MetricPoint[] {
    if (this.final) return this.final;
    const t0 = performance.now();
    const store = this.source.store;
    const recent = store.since(this.readCursor);
    this.readCursor = store.appended;
    const reading: SessionReading = { ...this.source.read(recent), totals: store.totals };
    // The as-if cost is the session's whole cost so far, also after a restart: a new exporter's series of the same
    // session and entry replaces the old one in a backend, so it must carry the full value, not what is new.
    const points = sessionReadings(reading);
    this.work.readMs += performance.now() - t0;
    this.work.reads++;
    return points;
  }

  get status(): TelemetryStatus {
    const t = this.metrics.timing;
    return {
      metrics: this.metrics.status,
      logs: this.logs?.status ?? null,
      exportMs: { last: t.lastMs, mean: t.calls > 0 ? t.totalMs / t.calls : null, calls: t.calls },
      work: { ...this.work, exportMsTotal: t.totalMs },
    };
  }

  /** Collects and sends now (page hide; tests). */
  async flush(): Promise<void> {
    await Promise.all([this.metrics.forceFlush(), this.logs?.forceFlush()]);
  }

  /** A last export, then nothing more is sent. */
  async stop(): Promise<void> {
    this.unsubscribe();
    // Read now, synchronously: a successor constructed right after takes the carry from here on.
    this.final = this.read();
    document.removeEventListener('visibilitychange', this.onHide);
    window.removeEventListener('pagehide', this.onPageHide);
    await Promise.all([this.metrics.shutdown(), this.logs?.shutdown()]);
  }
}
