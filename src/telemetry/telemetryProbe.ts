import type { FrameEventStore } from '../core/fold/FrameEventStore';
import type { TelemetryStatus } from './SessionTelemetry';

/** What the test facade can say about a session's telemetry: its status while on, and stops still draining. */
export interface TelemetryProbe {
  /** Null while telemetry is off. */
  status: TelemetryStatus | null;
  /** Exporters switched off whose last export has not settled yet (a hanging collector keeps one for its timeout). */
  stopping: number;
}

interface Running {
  readonly status: TelemetryStatus;
  stop(): Promise<void>;
}

const bySession = new WeakMap<FrameEventStore, { current: Running | null; stopping: number }>();

const entry = (store: FrameEventStore) => {
  let e = bySession.get(store);
  if (!e) {
    e = { current: null, stopping: 0 };
    bySession.set(store, e);
  }
  return e;
};

/**
 * Makes a session's running telemetry readable by `window.segmeter.telemetry()` (keyed by the session's store, so
 * nothing global). Returns the stop to call instead of `telemetry.stop()`: it also counts the stop until it settles,
 * so a tool can wait until nothing more can leave the page before it measures "off".
 */
export function trackTelemetry(store: FrameEventStore, telemetry: Running): () => void {
  const e = entry(store);
  e.current = telemetry;
  return () => {
    if (e.current === telemetry) e.current = null;
    e.stopping++;
    void telemetry.stop().finally(() => {
      e.stopping--;
    });
  };
}

export function probeTelemetry(store: FrameEventStore): TelemetryProbe {
  const e = bySession.get(store);
  return { status: e?.current?.status ?? null, stopping: e?.stopping ?? 0 };
}
