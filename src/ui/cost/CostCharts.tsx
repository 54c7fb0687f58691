import { memo, useMemo } from 'react';
import type { CatalogEntry } from '../../core/pricing/catalogSchema';
import type { SeriesPoint } from '../../core/pricing/EventSeries';
import { formatCount, formatUSD } from '../../core/pricing/formatUSD';
import { priceSession } from '../../core/pricing/priceSession';
import { type LineSeries, LiveLineChart } from '../charts/LiveLineChart';

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

const RATE_SERIES: LineSeries[] = [
  { key: 'everyFrame', name: 'every frame', color: DEVICE_COLOR, dashed: true },
  { key: 'adaptive', name: 'adaptive (ran)', color: '#4fb3ff', strokeWidth: 2 },
];

function formatSeconds(t: number): string {
  return t < 120 ? `${t}s` : `${Math.floor(t / 60)}m`;
}

/**
 * Cumulative as-if cost over the session (every frame vs adaptive vs on-device, per entry) and inferences per
 * minute. Fed at most once a second by useCostSeries, so the charts never redraw at frame rate.
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

  const costSeries = useMemo(
    (): LineSeries[] => [
      ...entries.flatMap((e, i): LineSeries[] => {
        const color = ENTRY_COLORS[i % ENTRY_COLORS.length] ?? DEVICE_COLOR;
        return [
          { key: `${e.id}:every`, name: `${e.id} every frame`, color, dashed: true },
          { key: `${e.id}:ran`, name: `${e.id} adaptive`, color, strokeWidth: 2 },
        ];
      }),
      { key: 'device', name: 'on-device', color: DEVICE_COLOR },
    ],
    [entries],
  );

  if (points.length === 0) return <p className="hint">Charts start with the first frames.</p>;

  return (
    <div className="cost-charts">
      <figure>
        <figcaption>Cumulative as-if cost (USD)</figcaption>
        <div className="chart-box" data-testid="cost-chart">
          <LiveLineChart
            rows={rows}
            xKey="t"
            series={costSeries}
            height={200}
            formatX={formatSeconds}
            formatY={formatUSD}
            label="Cumulative as-if cost in USD over the session: every frame, adaptive and on-device"
          />
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
          <LiveLineChart
            rows={rates}
            xKey="t"
            series={RATE_SERIES}
            height={150}
            formatX={formatSeconds}
            formatY={(v) => formatCount(v, 0)}
            label="Inferences per minute over the trailing minute: every frame against adaptive"
          />
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
