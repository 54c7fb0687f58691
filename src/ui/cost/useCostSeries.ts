import { useEffect, useRef, useState } from 'react';
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
 * Per-second series of the session's FrameEvents for the charts. Driven by the snapshot tick (not by the frame loop):
 * each tick folds in only the new events, and the chart data is republished once a second at most.
 */
export function useCostSeries(session: LiveSession | null, snapshot: SessionSnapshot | null): CostSeriesView {
  const series = useRef<EventSeries | null>(null);
  const dirty = useRef(false);
  const published = useRef(0);
  const [view, setView] = useState<CostSeriesView>(EMPTY);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the snapshot is the tick that drives the fold, though the fold reads the store
  useEffect(() => {
    if (!session) return;
    series.current ??= new EventSeries();
    if (series.current.ingest(session.store.events)) dirty.current = true;
    const now = Date.now();
    if (dirty.current && now - published.current >= CHART_MS) {
      dirty.current = false;
      published.current = now;
      setView({ points: series.current.points(), device: series.current.deviceTime });
    }
  }, [session, snapshot]);

  return view;
}
