import { startTransition, useEffect, useRef, useState } from 'react';
import { type DeviceTime, EventSeries, type SeriesPoint } from '../../core/pricing/EventSeries';
import type { LiveSession, SessionSnapshot } from '../../engine/session/LiveSession';

/** Charts redraw at most this often; the figures beside them follow every snapshot. */
const CHART_MS = 1000;

export interface CostSeriesView {
  points: SeriesPoint[];
  device: DeviceTime;
}

const EMPTY: CostSeriesView = { points: [], device: { timed: 0, modelMsTotal: 0, latencyMsTotal: 0 } };

/**
 * Per-second series of the session's events for the charts: fed by the store's subscriptions (never by folding its
 * arrays), republished to React at most once a second on the snapshot tick.
 */
export function useCostSeries(session: LiveSession | null, snapshot: SessionSnapshot | null): CostSeriesView {
  const series = useRef(new EventSeries());
  const dirty = useRef(false);
  const published = useRef(0);
  const [view, setView] = useState<CostSeriesView>(EMPTY);

  useEffect(() => {
    if (!session) return;
    const s = series.current;
    s.reset();
    for (const e of session.store.events) s.add(e);
    for (const r of session.store.inferences) s.addInference(r);
    dirty.current = true;
    const offs = [
      session.store.subscribe((e) => {
        s.add(e);
        dirty.current = true;
      }),
      session.store.subscribeInferences((r) => s.addInference(r)),
      session.store.onClear(() => {
        s.reset();
        dirty.current = true;
      }),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [session]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the snapshot is the tick that republishes the series
  useEffect(() => {
    const now = Date.now();
    if (dirty.current && now - published.current >= CHART_MS) {
      dirty.current = false;
      published.current = now;
      const next = { points: series.current.points(), device: series.current.deviceTime };
      startTransition(() => setView(next));
    }
  }, [snapshot]);

  return view;
}
