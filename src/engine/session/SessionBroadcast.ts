import {
  type AggregateView,
  parseSessionReport,
  type SessionReport,
  SessionTable,
} from '../../core/guard/sessionAggregate';

export const SESSIONS_CHANNEL = 'segmeter-sessions';

/** What the tab's own session reads out each second (the broadcast adds the id and the time). */
export type SessionReading = Omit<SessionReport, 'sessionId' | 'updatedAt'>;

/** The part of BroadcastChannel used here, so tests and browsers without it can pass a stand-in. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
  close(): void;
}

interface Bye {
  type: 'bye';
  sessionId: string;
}

export interface SessionBroadcastOptions {
  sessionId: string;
  /** Reads this session's counts; called once per interval (cheap: totals and a price per entry). */
  read: () => SessionReading;
  intervalMs?: number;
  /** Defaults to a BroadcastChannel named 'segmeter-sessions'; null where the browser has none. */
  channel?: ChannelLike | null;
  now?: () => number;
}

/**
 * Many sessions (tabs or windows of the same origin) as one view: each tab publishes its SessionReport about once a
 * second on the 'segmeter-sessions' BroadcastChannel and keeps the latest report of every other tab; view() sums the
 * live ones (its own included; silent for > 5 s = gone). The maths lives in core/guard/sessionAggregate.
 */
export class SessionBroadcast {
  private readonly table = new SessionTable();
  private readonly channel: ChannelLike | null;
  private readonly now: () => number;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: SessionBroadcastOptions) {
    this.now = options.now ?? (() => Date.now());
    this.channel =
      options.channel !== undefined
        ? options.channel
        : typeof BroadcastChannel === 'undefined'
          ? null
          : new BroadcastChannel(SESSIONS_CHANNEL);
    if (this.channel) this.channel.onmessage = (event) => this.receive(event.data);
  }

  /** Publishes now and then every interval. */
  start(): void {
    if (this.timer !== null) return;
    this.publish();
    this.timer = setInterval(() => this.publish(), this.options.intervalMs ?? 1000);
  }

  /** Says goodbye (others drop this session at once) and closes the channel. */
  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    const bye: Bye = { type: 'bye', sessionId: this.options.sessionId };
    this.channel?.postMessage(bye);
    this.channel?.close();
    if (this.channel) this.channel.onmessage = null;
    this.table.remove(this.options.sessionId);
  }

  publish(): SessionReport {
    const report: SessionReport = {
      ...this.options.read(),
      sessionId: this.options.sessionId,
      updatedAt: this.now(),
    };
    this.table.upsert(report, this.now());
    this.channel?.postMessage(report);
    return report;
  }

  view(): AggregateView {
    return this.table.view(this.now());
  }

  private receive(data: unknown): void {
    if (typeof data === 'object' && data !== null && (data as Partial<Bye>).type === 'bye') {
      const id = (data as Partial<Bye>).sessionId;
      if (typeof id === 'string') this.table.remove(id);
      return;
    }
    const report = parseSessionReport(data);
    if (report && report.sessionId !== this.options.sessionId) this.table.upsert(report, this.now());
  }
}
