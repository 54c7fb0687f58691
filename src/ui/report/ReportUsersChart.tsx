import { useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, Tooltip, XAxis, YAxis } from 'recharts';
import type { Catalog } from '../../core/pricing/catalogSchema';
import { formatCount, formatUSD } from '../../core/pricing/formatUSD';
import type { Report } from '../../core/report/buildReport';
import { usersCurve } from '../../core/report/usersCurve';

const axisStyle = { fontSize: 10, fill: '#555' };
const LINE_NAMES = { 'every-frame': 'Every-frame cloud', adaptive: 'Adaptive cloud' } as const;

/** Entries billed per use (an image, a minute, 16 frames, a GPU second): the ones a fleet can replace. */
function perUseRows(report: Report) {
  return report.providers.filter(
    (r) => r.unit !== 'hour' && r.unit !== 'GB' && r.adaptiveMonthlyUSD !== null,
  );
}

/**
 * Monthly cost against the number of users for one per-use entry: every frame to the cloud, the gate's frames to the
 * cloud, the cheapest always-on self-hosted fleet, and on-device ($0 to the operator), with the points where a
 * cloud line meets the fleet marked. Fixed size so it prints the same; it scrolls sideways on a narrow screen.
 */
export function ReportUsersChart({ report, catalog }: { report: Report; catalog: Catalog }) {
  const options = perUseRows(report);
  const [chosen, setChosen] = useState<string | null>(null);
  const entryId = chosen && options.some((r) => r.id === chosen) ? chosen : (options[0]?.id ?? null);
  const curve = useMemo(
    () => (entryId ? usersCurve(report.scenario, catalog, entryId) : null),
    [report.scenario, catalog, entryId],
  );
  if (!curve || !entryId) return null;
  const fleetLabel = curve.fleetId ? `Self-hosted fleet (${curve.fleetId}, always on)` : null;
  return (
    <figure className="report-chart" data-testid="report-users-chart">
      <label className="no-print chart-entry">
        Cloud entry
        <select
          value={entryId}
          onChange={(e) => setChosen(e.currentTarget.value)}
          data-testid="users-chart-entry"
        >
          {options.map((r) => (
            <option key={r.id} value={r.id}>
              {r.id}
            </option>
          ))}
        </select>
      </label>
      <LineChart
        width={720}
        height={300}
        data={curve.points}
        margin={{ top: 8, right: 16, bottom: 24, left: 16 }}
      >
        <CartesianGrid stroke="#ccc" vertical={false} />
        <XAxis
          dataKey="users"
          type="number"
          domain={[0, 'dataMax']}
          tick={axisStyle}
          tickFormatter={(v: number) => formatCount(v, 0)}
          label={{ value: 'users a day', position: 'insideBottom', offset: -12, fontSize: 11 }}
        />
        <YAxis tick={axisStyle} tickFormatter={(v: number) => formatUSD(v)} width={80} />
        <Tooltip
          formatter={(v) => (typeof v === 'number' ? formatUSD(v) : String(v))}
          labelFormatter={(v) => `${formatCount(Number(v), 0)} users`}
        />
        <Legend verticalAlign="top" height={24} />
        <Line
          dataKey="everyFrameUSD"
          name={`Every-frame cloud (${entryId})`}
          stroke="#d55e00"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          dataKey="adaptiveUSD"
          name={`Adaptive cloud (${entryId})`}
          stroke="#0072b2"
          dot={false}
          isAnimationActive={false}
        />
        {fleetLabel && (
          <Line
            dataKey="fleetUSD"
            name={fleetLabel}
            stroke="#cc79a7"
            strokeDasharray="6 3"
            dot={false}
            isAnimationActive={false}
          />
        )}
        <Line
          dataKey="onDeviceUSD"
          name="On-device ($0 to you)"
          stroke="#009e73"
          dot={false}
          isAnimationActive={false}
        />
        {curve.breakEvens.map((b) => (
          <ReferenceDot
            key={`${b.line}-${b.users}`}
            x={b.users}
            y={b.monthlyUSD}
            r={5}
            fill="#000"
            stroke="#fff"
          />
        ))}
      </LineChart>
      <figcaption className="small">
        Monthly cost against users a day ({formatCount(report.scenario.secondsPerUserPerDay)} s each at{' '}
        {formatCount(report.scenario.fps)} fps, {formatCount(report.scenario.days)} days, inference ratio{' '}
        {report.scenario.inferenceRatio.toFixed(4)}). Black dots: break-even points.
      </figcaption>
      <ul className="small" data-testid="users-break-evens">
        {curve.breakEvens.length === 0 ? (
          <li>
            {curve.fleetId
              ? `No crossing: ${entryId} and the fleet never swap places.`
              : 'No break-even: select an hourly (self-hosted) entry to compare a fleet.'}
          </li>
        ) : (
          curve.breakEvens.map((b) => (
            <li key={`${b.line}-${b.users}`}>
              {LINE_NAMES[b.line]} ({entryId}) costs as much as the {curve.fleetId} fleet at{' '}
              {formatCount(b.users, 0)} users ({formatUSD(b.monthlyUSD)}/mo); above it the{' '}
              {b.cheaperAbove === 'fleet' ? 'fleet' : 'cloud'} is cheaper.
            </li>
          ))
        )}
      </ul>
    </figure>
  );
}
