import { type PointerEvent, useMemo, useState } from 'react';
import { niceTicks } from '../../core/chart/niceTicks';
import { useElementWidth } from './useElementWidth';
import './liveChart.css';

export interface LineSeries {
  key: string;
  name: string;
  color: string;
  dashed?: boolean;
  strokeWidth?: number;
}

interface Props {
  /** One row per x value, ascending; each series reads its `key`. */
  rows: readonly Record<string, number>[];
  xKey: string;
  series: readonly LineSeries[];
  height: number;
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  /** What the chart shows, for screen readers. */
  label: string;
}

const MARGIN = { top: 6, right: 10, bottom: 20, left: 66 };

/**
 * A plain SVG line chart for the live panels, which redraw every second while the clip plays. recharts cost the main
 * thread 50 to 100 ms per redraw here (its store updates render synchronously, so React cannot slice them); this is
 * one path per series, a few grid lines and labels, and a readout of the nearest point under the pointer.
 */
export function LiveLineChart({ rows, xKey, series, height, formatX, formatY, label }: Props) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);
  const plotW = Math.max(1, width - MARGIN.left - MARGIN.right);
  const plotH = Math.max(1, height - MARGIN.top - MARGIN.bottom);
  const geometry = useMemo(() => {
    let yMax = 0;
    for (const row of rows) for (const s of series) yMax = Math.max(yMax, row[s.key] ?? 0);
    const yTicks = niceTicks(yMax);
    const yTop = yTicks[yTicks.length - 1] ?? 1;
    const x0 = rows[0]?.[xKey] ?? 0;
    const xMax = rows[rows.length - 1]?.[xKey] ?? 1;
    const xSpan = Math.max(1e-9, xMax - x0);
    // Round x labels (0, 2, 4 s... or 1, 2, 3 min) that fall inside the data.
    const xTicks = niceTicks(xMax, 4).filter((t) => t >= x0 && t <= xMax);
    const px = (x: number) => MARGIN.left + ((x - x0) / xSpan) * plotW;
    const py = (y: number) => MARGIN.top + plotH - (y / yTop) * plotH;
    const paths = series.map((s) =>
      rows
        .map((row, i) => `${i ? 'L' : 'M'}${px(row[xKey] ?? 0).toFixed(1)},${py(row[s.key] ?? 0).toFixed(1)}`)
        .join(''),
    );
    return { yTicks, xTicks, px, py, paths };
  }, [rows, xKey, series, plotW, plotH]);

  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    if (rows.length === 0) return;
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    const at = (x - MARGIN.left) / plotW;
    setHover(Math.min(rows.length - 1, Math.max(0, Math.round(at * (rows.length - 1)))));
  };
  const hovered = hover === null ? undefined : rows[hover];

  return (
    <div ref={ref} className="live-chart">
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={label}
        onPointerMove={onMove}
        onPointerLeave={() => setHover(null)}
      >
        {geometry.yTicks.map((t) => (
          <g key={t}>
            <line
              className="live-chart-grid"
              x1={MARGIN.left}
              x2={MARGIN.left + plotW}
              y1={geometry.py(t)}
              y2={geometry.py(t)}
            />
            <text
              className="live-chart-tick"
              x={MARGIN.left - 4}
              y={geometry.py(t)}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {formatY(t)}
            </text>
          </g>
        ))}
        {geometry.xTicks.map((t) => (
          <text key={t} className="live-chart-tick" x={geometry.px(t)} y={height - 4} textAnchor="middle">
            {formatX(t)}
          </text>
        ))}
        {series.map((s, i) => (
          <path
            key={s.key}
            className="live-chart-line"
            d={geometry.paths[i]}
            fill="none"
            stroke={s.color}
            strokeWidth={s.strokeWidth ?? 1.5}
            strokeDasharray={s.dashed ? '4 3' : undefined}
          />
        ))}
        {hovered ? (
          <line
            className="live-chart-cursor"
            x1={geometry.px(hovered[xKey] ?? 0)}
            x2={geometry.px(hovered[xKey] ?? 0)}
            y1={MARGIN.top}
            y2={MARGIN.top + plotH}
          />
        ) : null}
      </svg>
      {hovered ? (
        <div className="live-chart-readout" role="status">
          <strong>{formatX(hovered[xKey] ?? 0)}</strong>
          {series.map((s) => (
            <span key={s.key} style={{ color: s.color }}>
              {s.name}: {formatY(hovered[s.key] ?? 0)}
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}
