import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CostOfQualityRow } from '../../core/sweep/costOfQuality';

interface Props {
  rows: readonly CostOfQualityRow[];
}

const axisStyle = { fontSize: 11, fill: '#9aa3b2' };

/** Inferences per frame (left axis) and the as-if month (right axis) against the quality target, per warp setting. */
export const CostOfQualityChart = memo(function CostOfQualityChart({ rows }: Props) {
  const targets = [...new Set(rows.map((r) => r.target))].sort((a, b) => a - b);
  const data = targets.map((target) => {
    const on = rows.find((r) => r.target === target && r.warp);
    const off = rows.find((r) => r.target === target && !r.warp);
    return {
      target,
      ...(on ? { inferencesOn: on.inferencesPerFrame, usdOn: on.monthlyUSD } : {}),
      ...(off ? { inferencesOff: off.inferencesPerFrame, usdOff: off.monthlyUSD } : {}),
    };
  });
  const both = rows.some((r) => r.warp) && rows.some((r) => !r.warp);
  const lines = [
    { key: 'On', warp: true, label: both ? ' (warp on)' : '', dash: undefined },
    { key: 'Off', warp: false, label: both ? ' (warp off)' : '', dash: '4 4' },
  ].filter((l) => rows.some((r) => r.warp === l.warp));
  return (
    <figure className="sweep-chart" data-testid="cost-of-quality-chart">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid stroke="#2a2f3a" />
          <XAxis
            type="number"
            dataKey="target"
            domain={['dataMin', 'dataMax']}
            ticks={targets}
            tick={axisStyle}
            label={{
              value: 'Mean IoU target',
              position: 'insideBottom',
              offset: -8,
              fill: '#9aa3b2',
              fontSize: 11,
            }}
          />
          <YAxis yAxisId="inf" tick={axisStyle} width={48} tickFormatter={(v: number) => v.toFixed(2)} />
          <YAxis
            yAxisId="usd"
            orientation="right"
            tick={axisStyle}
            width={56}
            tickFormatter={(v: number) => `$${v}`}
          />
          <Tooltip contentStyle={{ background: '#181b22', border: '1px solid #2a2f3a' }} />
          <Legend verticalAlign="top" height={24} />
          {lines.map((l) => (
            <Line
              key={`inf${l.key}`}
              yAxisId="inf"
              dataKey={`inferences${l.key}`}
              name={`Inferences per frame${l.label}`}
              stroke="#56b4e9"
              strokeDasharray={l.dash}
              isAnimationActive={false}
            />
          ))}
          {lines.map((l) => (
            <Line
              key={`usd${l.key}`}
              yAxisId="usd"
              dataKey={`usd${l.key}`}
              name={`$ a month${l.label}`}
              stroke="#e69f00"
              strokeDasharray={l.dash}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="hint small">
        What each quality target cost: inferences per frame (left) and the as-if month (right).
      </figcaption>
    </figure>
  );
});
