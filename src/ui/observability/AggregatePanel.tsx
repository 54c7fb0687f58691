import { useId, useState } from 'react';
import { formatCount, formatUSD } from '../../core/pricing/formatUSD';
import type { SessionSnapshot } from '../../engine/session/LiveSession';
import type { SessionBroadcast } from '../../engine/session/SessionBroadcast';
import './observability.css';
import { ScrollRegion } from '../layout/ScrollRegion';

interface Props {
  /** This tab's broadcast (started by the engine); null where BroadcastChannel is unavailable or not yet wired. */
  broadcast: SessionBroadcast | null;
  /** The 4 Hz tick that refreshes the view. */
  snapshot: SessionSnapshot | null;
}

/**
 * Every open SegMeter tab's session, summed: frames, inferences, rate and as-if cost for one catalog entry. The
 * totals row is the plain sum of the rows above it (core/guard/sessionAggregate).
 */
export function AggregatePanel({ broadcast, snapshot }: Props) {
  const id = useId();
  const [catalogId, setCatalogId] = useState<string | null>(null);
  // Read on the tick: the view drops tabs silent for more than 5 s as time passes, even with no message.
  const view = snapshot && broadcast ? broadcast.view() : null;
  if (!view) return null;
  const ids = Object.keys(view.totals.costUSD);
  const shown = catalogId !== null && ids.includes(catalogId) ? catalogId : (ids[0] ?? null);
  const own = snapshot?.sessionId;
  const cost = (costs: Record<string, number>) => (shown === null ? '–' : formatUSD(costs[shown] ?? null));

  return (
    <section className="panel obs-panel" aria-labelledby={`${id}-heading`} data-testid="aggregate-panel">
      <h2 id={`${id}-heading`}>All sessions ({view.totals.sessions})</h2>
      {ids.length > 0 && (
        <label>
          Cost as if sent to
          <select
            value={shown ?? ''}
            onChange={(e) => setCatalogId(e.target.value)}
            data-testid="aggregate-entry"
          >
            {ids.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      )}
      <ScrollRegion label="Sessions table">
        <table data-testid="aggregate-table">
          <caption className="sr-only">Sessions open in this browser and their sum</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col" className="num">
                Frames
              </th>
              <th scope="col" className="num">
                Inferences
              </th>
              <th scope="col" className="num">
                Per minute
              </th>
              <th scope="col" className="num">
                As-if cost
              </th>
            </tr>
          </thead>
          <tbody>
            {view.sessions.map((s) => (
              <tr key={s.sessionId} data-testid="aggregate-row" data-session={s.sessionId}>
                <th scope="row" title={s.sessionId}>
                  {s.sessionId.slice(0, 8)}
                  {s.sessionId === own ? ' (this tab)' : ''}
                </th>
                <td className="num">{formatCount(s.frames)}</td>
                <td className="num">{formatCount(s.inferences)}</td>
                <td className="num">{formatCount(s.inferencesPerMinute, 0)}</td>
                <td className="num">{cost(s.costUSD)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-testid="aggregate-total">
              <th scope="row">Total</th>
              <td className="num">{formatCount(view.totals.frames)}</td>
              <td className="num">{formatCount(view.totals.inferences)}</td>
              <td className="num">{formatCount(view.totals.inferencesPerMinute, 0)}</td>
              <td className="num">{cost(view.totals.costUSD)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </section>
  );
}
