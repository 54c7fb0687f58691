import { useMemo } from 'react';
import type { FrameEvent, InferenceRecord } from '../../core/frameEvent';
import { expectedInferenceRate, tierMix } from '../../core/guard/expectedInferenceRate';
import type { CatalogEntry } from '../../core/pricing/catalogSchema';
import { formatCount, formatPct, formatUSD } from '../../core/pricing/formatUSD';
import { priceSession } from '../../core/pricing/priceSession';
import { percentile } from '../../core/quality/percentile';
import type { LiveSession, SessionSnapshot } from '../../engine/session/LiveSession';
import './observability.css';
import { DEFAULT_SOURCE_FPS } from '../../core/fold/sourceFps';
import { ScrollRegion } from '../layout/ScrollRegion';

interface Props {
  session: LiveSession | null;
  snapshot: SessionSnapshot | null;
  /** Entries to show the cost per 1,000 inferences for (the cost panel's selection). */
  entries: readonly CatalogEntry[];
  /** Bytes per inferred frame, for GB entries. */
  frameBytes?: number;
}

/** The trailing window the rates and latencies are measured over, wall-clock ms. */
const WINDOW_MS = 60_000;

interface WindowStats {
  spanMs: number;
  frames: FrameEvent[];
  inferences: number;
  errors: number;
  latencies: number[];
}

/** The tail of the store inside the window; reads back from the end only, so it does not grow with the session. */
function tail(events: readonly FrameEvent[], records: readonly InferenceRecord[], now: number): WindowStats {
  const frames: FrameEvent[] = [];
  const latencies: number[] = [];
  let inferences = 0;
  let errors = 0;
  let first = now;
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.ts <= now - WINDOW_MS) break;
    frames.push(e);
    first = Math.min(first, e.ts);
    if (e.ran) inferences++;
  }
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    if (r.ts <= now - WINDOW_MS) break;
    if (r.kind === 'shadow') continue;
    if (r.error) errors++;
    if (r.latencyMs !== null) latencies.push(r.latencyMs);
  }
  return { spanMs: Math.max(1000, now - first), frames, inferences, errors, latencies };
}

function Figure({
  label,
  value,
  testId,
  over,
}: {
  label: string;
  value: string;
  testId: string;
  over?: boolean;
}) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId} className={over ? 'obs-over' : undefined}>
        {value}
      </dd>
    </div>
  );
}

/**
 * The article's aggregate metrics: inferences per minute against the rate the gate settings lead one to expect (for
 * the motion mix actually seen), cost per 1,000 inferences, latency p50/p95 and errors, over the last minute.
 * Recomputed on the 4 Hz snapshot tick from the tail of the event store.
 */
export function MetricsPanel({ session, snapshot, entries, frameBytes = 0 }: Props) {
  const stats = useMemo(
    // The snapshot is the tick; the store it summarises is read through the session.
    () => (session && snapshot ? tail(session.store.events, session.store.inferences, Date.now()) : null),
    [session, snapshot],
  );
  const fps = snapshot?.stats.sourceFps ?? DEFAULT_SOURCE_FPS;
  const gate = snapshot?.gate;

  const rate = stats ? (stats.inferences * 60_000) / stats.spanMs : null;
  const expected =
    stats && gate
      ? expectedInferenceRate(gate.settings, fps, {
          policy: gate.policy,
          mix: tierMix(stats.frames, gate.settings),
        })
      : null;
  const expectedPerMinute = expected?.expectedPerMinute ?? null;
  const over = rate !== null && expectedPerMinute !== null && rate > expectedPerMinute * 1.2;

  const totals = snapshot?.totals;
  const inferences = totals?.inferences ?? 0;
  const prices = useMemo(
    () =>
      priceSession(entries, {
        frames: totals?.frames ?? 0,
        inferences,
        durationSeconds: (totals?.frames ?? 0) / fps,
        sessions: 1,
        frameBytes,
      }),
    [entries, totals?.frames, inferences, fps, frameBytes],
  );

  const p50 = stats && stats.latencies.length > 0 ? percentile(stats.latencies, 50) : null;
  const p95 = stats && stats.latencies.length > 0 ? percentile(stats.latencies, 95) : null;
  const errorRate = stats && stats.inferences > 0 ? (stats.errors / stats.inferences) * 100 : null;

  return (
    <section className="panel obs-panel" aria-labelledby="metrics-heading" data-testid="metrics-panel">
      <h2 id="metrics-heading">Metrics (last minute)</h2>
      <dl className="obs-metrics">
        <Figure
          label="Inferences per minute"
          value={rate === null ? '–' : formatCount(rate, 0)}
          testId="metric-rate"
          over={over}
        />
        <Figure
          label="Expected by the gate settings"
          value={
            expected === null
              ? '–'
              : `${expectedPerMinute === null ? '–' : formatCount(expectedPerMinute, 0)} (${formatCount(
                  expected.minPerMinute,
                  0,
                )}–${formatCount(expected.maxPerMinute, 0)})`
          }
          testId="metric-expected"
        />
        <Figure
          label="Latency p50 / p95"
          value={p50 === null || p95 === null ? '–' : `${p50.toFixed(1)} / ${p95.toFixed(1)} ms`}
          testId="metric-latency"
        />
        <Figure
          label="Errors (minute / session)"
          value={`${stats?.errors ?? 0} / ${totals?.errors ?? 0}${errorRate === null ? '' : ` (${formatPct(errorRate)})`}`}
          testId="metric-errors"
          over={(stats?.errors ?? 0) > 0}
        />
      </dl>
      {over && (
        <p className="hint obs-over" role="status">
          Running more than 20% above the rate the gate settings lead one to expect.
        </p>
      )}
      {prices.length > 0 && (
        <ScrollRegion label="Cost per 1,000 inferences table">
          <table aria-label="Cost per 1,000 inferences" data-testid="metric-cost-per-1000">
            <thead>
              <tr>
                <th scope="col">Catalog entry</th>
                <th scope="col" className="num">
                  Per 1,000 inferences
                </th>
              </tr>
            </thead>
            <tbody>
              {prices.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.id}</th>
                  <td className="num">
                    {p.ranUSD === null
                      ? formatUSD(null)
                      : inferences > 0
                        ? formatUSD((p.ranUSD / inferences) * 1000)
                        : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <p className="hint">
        Expected = the gate's tier rates at {formatCount(fps, 1)} fps weighted by the motion seen (scene cuts
        aside); the range is all-static to all-motion. Cost per 1,000 = this session's as-if cost ÷ its
        inferences.
      </p>
    </section>
  );
}
