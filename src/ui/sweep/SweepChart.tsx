import { memo, useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

export interface ChartPoint {
  skipRatio: number;
  iouMean: number;
}

interface Props {
  points: readonly ChartPoint[];
  /** Front indexes, by skipRatio ascending (drawn as a line in that order). */
  pareto: readonly number[];
  recommended: number | null;
  targetIou: number;
  /** A fixed width for print (the report); the app's views fill their column. */
  width?: number;
}

const axisStyle = { fontSize: 11, fill: '#9aa3b2' };
const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Skipping against quality for every grid point, the Pareto front as a line, the recommended point marked. */
export const SweepChart = memo(function SweepChart({ points, pareto, recommended, targetIou, width }: Props) {
  const data = useMemo(() => points.map((p, index) => ({ ...p, index })), [points]);
  const front = useMemo(() => pareto.flatMap((i) => data[i] ?? []), [pareto, data]);
  const best = recommended === null ? [] : data[recommended] ? [data[recommended]] : [];
  // A loop, not Math.min(...points): a spread of a huge list overflows the call stack.
  let minIou = targetIou;
  for (const p of points) if (p.iouMean < minIou) minIou = p.iouMean;
  const yMin = Math.max(0, Math.floor((minIou - 0.01) * 50) / 50);
  const chart = (
    <ScatterChart
      margin={{ top: 8, right: 16, bottom: 16, left: 8 }}
      width={width}
      height={width ? 320 : undefined}
    >
      <CartesianGrid stroke="#2a2f3a" />
      <XAxis
        type="number"
        dataKey="skipRatio"
        name="Frames skipped"
        domain={[0, 1]}
        tickFormatter={pct}
        tick={axisStyle}
        label={{
          value: 'Frames skipped',
          position: 'insideBottom',
          offset: -8,
          fill: '#9aa3b2',
          fontSize: 11,
        }}
      />
      <YAxis
        type="number"
        dataKey="iouMean"
        name="Mean IoU"
        domain={[yMin, 1]}
        tickFormatter={(v: number) => v.toFixed(2)}
        tick={axisStyle}
        width={48}
      />
      <Tooltip
        formatter={(value, name) => [typeof value === 'number' ? value.toFixed(3) : String(value), name]}
        contentStyle={{ background: '#181b22', border: '1px solid #2a2f3a' }}
      />
      <Legend verticalAlign="top" height={24} />
      <ReferenceLine y={targetIou} stroke="#f5b84b" strokeDasharray="4 4" />
      <Scatter name="Grid point" data={data} fill="#56b4e9" isAnimationActive={false} />
      <Scatter
        name="Pareto front"
        data={front}
        fill="#009e73"
        line={{ stroke: '#009e73' }}
        lineType="joint"
        isAnimationActive={false}
      />
      <Scatter name="Recommended" data={best} fill="#e69f00" shape="star" isAnimationActive={false} />
    </ScatterChart>
  );
  return (
    <figure className="sweep-chart" data-testid="sweep-chart">
      {width ? (
        chart
      ) : (
        <ResponsiveContainer width="100%" height={320}>
          {chart}
        </ResponsiveContainer>
      )}
      <figcaption className="hint small">
        Each dot is one gate setting. Green line: the Pareto front (no other setting skips as much with better
        quality). Star: the recommended setting. Dashed: the quality target ({targetIou}).
      </figcaption>
    </figure>
  );
});
