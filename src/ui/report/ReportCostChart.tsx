import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatUSD } from '../../core/pricing/formatUSD';
import type { ReportRow } from '../../core/report/buildReport';

const axisStyle = { fontSize: 10, fill: '#555' };

/** Every-frame against adaptive monthly cost per priced provider, at a fixed size so it prints the same. */
export function ReportCostChart({ rows, width = 720 }: { rows: readonly ReportRow[]; width?: number }) {
  const data = rows
    .filter((r) => r.everyFrameMonthlyUSD !== null)
    .map((r) => ({
      id: r.id,
      everyFrame: r.everyFrameMonthlyUSD,
      adaptive: r.adaptiveMonthlyUSD,
      onDevice: 0,
    }));
  return (
    <figure className="report-chart" data-testid="report-cost-chart">
      <BarChart width={width} height={300} data={data} margin={{ top: 8, right: 8, bottom: 64, left: 16 }}>
        <CartesianGrid stroke="#ccc" vertical={false} />
        <XAxis dataKey="id" tick={axisStyle} angle={-25} textAnchor="end" interval={0} />
        <YAxis tick={axisStyle} tickFormatter={(v: number) => formatUSD(v)} width={72} />
        <Tooltip formatter={(v) => (typeof v === 'number' ? formatUSD(v) : String(v))} />
        <Legend verticalAlign="top" height={24} />
        <Bar dataKey="everyFrame" name="Every-frame cloud" fill="#d55e00" isAnimationActive={false} />
        <Bar dataKey="adaptive" name="Adaptive cloud" fill="#0072b2" isAnimationActive={false} />
        <Bar dataKey="onDevice" name="On-device ($0)" fill="#009e73" isAnimationActive={false} />
      </BarChart>
      <figcaption className="small">Monthly cost per provider (the on-device bill is $0).</figcaption>
    </figure>
  );
}
