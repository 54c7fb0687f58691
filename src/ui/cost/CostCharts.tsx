import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CatalogEntry } from '../../core/pricing/catalogSchema';
import type { SeriesPoint } from '../../core/pricing/EventSeries';
import { formatCount, formatUSD } from '../../core/pricing/formatUSD';
import { priceSession } from '../../core/pricing/priceSession';

/** Colour-blind-friendly palette (Okabe–Ito), one colour per entry; solid = adaptive, dashed = every frame. */
export const ENTRY_COLORS = ['#56b4e9', '#e69f00', '#009e73', '#f0e442', '#cc79a7', '#d55e00', '#0072b2'];
const DEVICE_COLOR = '#9aa3b2';

interface Props {
  points: readonly SeriesPoint[];
  /** Selected entries with a public price (an unpriced entry has no line). */
  entries: readonly CatalogEntry[];
  fps: number;
  frameBytes: number;
}

type Row = Record<string, number>;

const axisStyle = { fontSize: 11, fill: '#9aa3b2' };

function formatSeconds(t: number): string {
  return t < 120 ? `${t}s` : `${Math.floor(t / 60)}m`;
}

/**
 * Cumulative as-if cost over the session (every frame vs adaptive vs on-device, per entry) and inferences per
 * minute. Fed at most once a second by useCostSeries, so recharts never redraws at frame rate.
 */
export const CostCharts = memo(function CostCharts({ points, entries, fps, frameBytes }: Props) {
  const rows = useMemo(
    () =>
      points.map((pt): Row => {
        const prices = priceSession(entries, {
          frames: pt.frames,
          inferences: pt.inferences,
          durationSeconds: pt.frames / fps,
          sessions: 1,
          frameBytes,
        });
        const row: Row = { t: pt.t, device: 0 };
        for (const p of prices) {
          row[`${p.id}:ran`] = p.ranUSD ?? 0;
          row[`${p.id}:every`] = p.everyFrameUSD ?? 0;
        }
        return row;
      }),
    [points, entries, fps, frameBytes],
  );
  const rates = useMemo(
    () => points.map((pt) => ({ t: pt.t, adaptive: pt.inferencesPerMinute, everyFrame: pt.framesPerMinute })),
    [points],
  );

  if (points.length === 0) return <p className="hint">Charts start with the first frames.</p>;

  return (
    <div className="cost-charts">
      <figure>
        <figcaption>Cumulative as-if cost (USD)</figcaption>
        <div className="chart-box" data-testid="cost-chart">
          <ResponsiveContainer width="100%" height={200}>
            <LineChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="#2a2f3a" />
              <XAxis dataKey="t" tickFormatter={formatSeconds} tick={axisStyle} />
              <YAxis tickFormatter={(v: number) => formatUSD(v)} tick={axisStyle} width={64} />
              <Tooltip
                formatter={(v) => formatUSD(Number(v))}
                labelFormatter={(t) => `${String(t)} s`}
                contentStyle={{ background: '#181b22', border: '1px solid #2a2f3a', fontSize: 12 }}
              />
              {entries.flatMap((e, i) => {
                const color = ENTRY_COLORS[i % ENTRY_COLORS.length];
                return [
                  <Line
                    key={`${e.id}:every`}
                    dataKey={`${e.id}:every`}
                    name={`${e.id} every frame`}
                    stroke={color}
                    strokeDasharray="4 3"
                    dot={false}
                    isAnimationActive={false}
                  />,
                  <Line
                    key={`${e.id}:ran`}
                    dataKey={`${e.id}:ran`}
                    name={`${e.id} adaptive`}
                    stroke={color}
                    strokeWidth={2}
                    dot={false}
                    isAnimationActive={false}
                  />,
                ];
              })}
              <Line
                dataKey="device"
                name="on-device"
                stroke={DEVICE_COLOR}
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <ul className="chart-legend">
          {entries.map((e, i) => (
            <li key={e.id}>
              <span className="swatch" style={{ background: ENTRY_COLORS[i % ENTRY_COLORS.length] }} />
              {e.id}
            </li>
          ))}
          <li>
            <span className="swatch" style={{ background: DEVICE_COLOR }} />
            on-device ($0)
          </li>
          <li className="hint">solid: adaptive · dashed: every frame</li>
        </ul>
      </figure>
      <figure>
        <figcaption>Inferences per minute (trailing minute)</figcaption>
        <div className="chart-box" data-testid="rate-chart">
          <ResponsiveContainer width="100%" height={150}>
            <LineChart data={rates} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="#2a2f3a" />
              <XAxis dataKey="t" tickFormatter={formatSeconds} tick={axisStyle} />
              <YAxis tickFormatter={(v: number) => formatCount(v, 0)} tick={axisStyle} width={64} />
              <Tooltip
                formatter={(v) => formatCount(Number(v), 0)}
                labelFormatter={(t) => `${String(t)} s`}
                contentStyle={{ background: '#181b22', border: '1px solid #2a2f3a', fontSize: 12 }}
              />
              <Line
                dataKey="everyFrame"
                name="every frame"
                stroke={DEVICE_COLOR}
                strokeDasharray="4 3"
                dot={false}
                isAnimationActive={false}
              />
              <Line
                dataKey="adaptive"
                name="adaptive (ran)"
                stroke="#4fb3ff"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <ul className="chart-legend">
          <li>
            <span className="swatch" style={{ background: '#4fb3ff' }} />
            inferences that ran
          </li>
          <li>
            <span className="swatch" style={{ background: DEVICE_COLOR }} />
            frames shown (every frame)
          </li>
        </ul>
      </figure>
    </div>
  );
});
