import { type UIEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FrameEvent, GateReason, InferenceRecord, SegmentationMode } from '../../core/frameEvent';
import { billedBefore } from '../../core/log/billedBefore';
import { toCsv, toFrameLogRecords, toNdjson } from '../../core/log/frameLog';
import type { CatalogEntry } from '../../core/pricing/catalogSchema';
import type { LiveSession, SessionSnapshot } from '../../engine/session/LiveSession';
import { downloadText } from '../downloadText';
import './observability.css';
import { DEFAULT_SOURCE_FPS } from '../../core/fold/sourceFps';

interface Props {
  session: LiveSession | null;
  /** The 4 Hz tick: each new snapshot folds in the events appended since the last one. */
  snapshot: SessionSnapshot | null;
  /** Catalog entries the export prices each frame for (asIfCostUSD), e.g. the cost panel's selection. */
  entries: readonly CatalogEntry[];
  /** Source frame rate, for minute-billed entries in the export. */
  fps?: number;
  /** Bytes per inferred frame, for GB-billed entries in the export. */
  frameBytes?: number;
}

const MODES: readonly SegmentationMode[] = ['full', 'reduced', 'paused', 'max-quality'];
const ROW_PX = 24;
const VIEW_PX = 360;
/** Rows drawn above and below the visible ones, so a fast scroll does not flash blanks. */
const OVERSCAN = 8;

type Filter<T> = 'all' | T;

/** Indices of the events that pass the filters, extended incrementally as events are appended. */
interface Index {
  events: readonly FrameEvent[] | null;
  key: string;
  scanned: number;
  matches: number[];
}

/** One "all or one value" filter of the log. */
function FilterSelect<T extends string>(props: {
  label: string;
  value: Filter<T>;
  options: readonly T[];
  onChange: (value: Filter<T>) => void;
  testId: string;
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as Filter<T>)}
        data-testid={props.testId}
      >
        <option value="all">all</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

function fmt(v: number | null, digits: number): string {
  return v === null ? '–' : v.toFixed(digits);
}

/**
 * The FrameEvent stream as a log: windowed (only the rows in view are in the DOM, so hours of events, 100k and more,
 * stay fast), filterable by reason and mode, exportable as NDJSON or CSV with each frame's as-if cost. It reads the
 * session's append-only store on the snapshot tick and never subscribes per frame.
 */
export function LogPanel({ session, snapshot, entries, fps = DEFAULT_SOURCE_FPS, frameBytes = 0 }: Props) {
  const [reason, setReason] = useState<Filter<GateReason>>('all');
  const [mode, setMode] = useState<Filter<SegmentationMode>>('all');
  const [follow, setFollow] = useState(true);
  const [scrollTop, setScrollTop] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const index = useRef<Index>({ events: null, key: '', scanned: 0, matches: [] });

  // Incremental filtering: a new tick scans only the events appended since the last one. The store only grows,
  // except clear(), which shrinks it: then, or when a filter changes, the scan starts over.
  const events = session?.store.events ?? [];
  const key = `${reason}|${mode}`;
  const idx = index.current;
  if (idx.events !== events || idx.key !== key || events.length < idx.scanned) {
    index.current = { events, key, scanned: 0, matches: [] };
  }
  const live = index.current;
  for (let i = live.scanned; i < events.length; i++) {
    const e = events[i];
    if ((reason === 'all' || e.reason === reason) && (mode === 'all' || e.mode === mode))
      live.matches.push(i);
  }
  live.scanned = events.length;
  const matches = live.matches;

  const total = matches.length;
  const visible = Math.ceil(VIEW_PX / ROW_PX);
  const top = follow ? Math.max(0, total * ROW_PX - VIEW_PX + ROW_PX) : scrollTop;
  const start = Math.max(0, Math.floor(top / ROW_PX) - OVERSCAN);
  const end = Math.min(total, start + visible + 2 * OVERSCAN);

  // Whether the log is on screen: a closed section or a scrolled-away panel takes no scroll writes, because each
  // write forces a layout of the page (a profile of the live view found this effect's layout reads at 6% of the main
  // thread, every tick, with the section closed).
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new IntersectionObserver(([entry]) => setShown(entry?.isIntersecting ?? false));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Following the tail: keep the scroll position at the bottom as rows arrive (the browser clamps the overshoot).
  useLayoutEffect(() => {
    const el = scroller.current;
    if (follow && shown && el) el.scrollTop = (total + 1) * ROW_PX;
  }, [follow, total, shown]);

  const onScroll = useCallback(
    (e: UIEvent<HTMLDivElement>) => {
      const el = e.currentTarget;
      setScrollTop(el.scrollTop);
      // Scrolling up away from the tail stops following; scrolling back to it resumes.
      const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_PX;
      if (atBottom !== follow) setFollow(atBottom);
    },
    [follow],
  );

  const exportAs = (format: 'ndjson' | 'csv') => {
    if (!session) return;
    // Priced where the whole session puts each frame in the tiers (the store keeps the newest frames: what came
    // before them is read off the totals), then filtered to what the log shows.
    const { events, inferences, totals } = session.store;
    const all = toFrameLogRecords(
      events,
      entries,
      { fps, frameBytes },
      inferences,
      billedBefore(totals, events, inferences),
    );
    const records = matches.map((i) => all[i]);
    const name = `segmeter-log-${session.sessionId.slice(0, 8)}`;
    if (format === 'ndjson') downloadText(`${name}.ndjson`, toNdjson(records), 'application/x-ndjson');
    else
      downloadText(
        `${name}.csv`,
        toCsv(
          records,
          entries.filter((e) => e.tiers.length > 0).map((e) => e.id),
        ),
        'text/csv',
      );
  };

  const reasons = Object.keys(snapshot?.totals.reasons ?? {}).sort() as GateReason[];
  // The rows in view, joined with their inferences' records (latency, error) by id.
  const records = new Map<number, InferenceRecord>();
  const wanted = new Set<number>();
  for (let r = start; r < end; r++) {
    const id = events[matches[r]]?.inferenceId;
    if (id != null) wanted.add(id);
  }
  if (wanted.size > 0 && session)
    for (const rec of session.store.inferences) if (wanted.has(rec.id)) records.set(rec.id, rec);
  const rows = [];
  for (let r = start; r < end; r++) {
    const e = events[matches[r]];
    const rec = e.inferenceId === null ? undefined : records.get(e.inferenceId);
    rows.push(
      <tr
        key={matches[r]}
        aria-rowindex={r + 2}
        className={rec?.error ? 'failed' : e.ran ? 'ran' : undefined}
        data-testid="log-row"
      >
        <td className="num">{e.frame}</td>
        <td className="num">{e.mediaTime.toFixed(2)}</td>
        <td>{e.ran ? 'ran' : 'skip'}</td>
        <td>{e.reason}</td>
        <td>{e.mode}</td>
        <td className="num">{fmt(e.motion, 2)}</td>
        <td className="num">{fmt(rec?.latencyMs ?? null, 1)}</td>
        <td title={`${e.model} on ${e.backend}`}>{e.backend}</td>
        <td title={rec?.error}>{rec?.error ?? ''}</td>
      </tr>,
    );
  }

  return (
    <section className="panel obs-panel" aria-labelledby="log-heading" data-testid="log-panel">
      <h2 id="log-heading">Frame log</h2>
      <div className="obs-filters">
        <FilterSelect
          label="Reason"
          value={reason}
          options={reasons}
          onChange={setReason}
          testId="log-reason"
        />
        <FilterSelect label="Mode" value={mode} options={MODES} onChange={setMode} testId="log-mode" />
        <label className="check">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
          Follow latest
        </label>
        <div className="button-row">
          <button type="button" onClick={() => exportAs('ndjson')} disabled={total === 0}>
            Export NDJSON
          </button>
          <button type="button" onClick={() => exportAs('csv')} disabled={total === 0}>
            Export CSV
          </button>
        </div>
      </div>
      <p className="hint" data-testid="log-count" aria-live="off">
        {total.toLocaleString('en-US')} of {events.length.toLocaleString('en-US')} frames shown
        {entries.length > 0 ? `; exports carry the as-if cost for ${entries.length} catalog entries` : ''}.
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <div className="log-scroll" ref={scroller} onScroll={onScroll} tabIndex={0} data-testid="log-scroll">
        <table aria-rowcount={total + 1}>
          <caption className="sr-only">Frame events, oldest first</caption>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="num">
                Frame
              </th>
              <th scope="col" className="num">
                Media s
              </th>
              <th scope="col">Ran</th>
              <th scope="col">Reason</th>
              <th scope="col">Mode</th>
              <th scope="col" className="num">
                Motion
              </th>
              <th scope="col" className="num">
                Latency ms
              </th>
              <th scope="col">Backend</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {start > 0 && (
              <tr className="log-spacer" style={{ height: start * ROW_PX }}>
                <td colSpan={9} />
              </tr>
            )}
            {rows}
            {end < total && (
              <tr className="log-spacer" style={{ height: (total - end) * ROW_PX }}>
                <td colSpan={9} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
