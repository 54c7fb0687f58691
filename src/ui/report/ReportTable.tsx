import { formatCount, formatPct, formatUSD } from '../../core/pricing/formatUSD';
import type { Report } from '../../core/report/buildReport';
import { unitLabel } from '../cost/unitLabel';

/** The monthly cost per provider: every frame to the cloud, only the gate's inferences, and on the device. */
export function ReportTable({ report }: { report: Report }) {
  const device = report.onDevice;
  const deviceText =
    device.deviceHoursPerMonth === null
      ? '$0 (device time not measured)'
      : `$0 + ${formatCount(device.deviceHoursPerMonth, 1)} device-h`;
  return (
    <table className="report-table" data-testid="report-table">
      <caption>
        Monthly cost, {formatCount(report.framesPerMonth)} frames, {formatCount(report.inferencesPerMonth, 0)}{' '}
        inferred (ratio {report.scenario.inferenceRatio.toFixed(4)})
      </caption>
      <thead>
        <tr>
          <th scope="col">Provider</th>
          <th scope="col">Billed per</th>
          <th scope="col">Every-frame cloud</th>
          <th scope="col">Adaptive cloud</th>
          <th scope="col">Saving</th>
          <th scope="col">Always-on fleet</th>
          <th scope="col">On-device</th>
        </tr>
      </thead>
      <tbody>
        {report.providers.map((r) => (
          <tr key={r.id} data-testid={`report-row-${r.id}`}>
            <th scope="row">
              {r.provider} {r.product}
              <span className="billed">{r.id}</span>
            </th>
            <td className="text">{unitLabel(r.unit, false)}</td>
            <td data-testid="every-frame">{formatUSD(r.everyFrameMonthlyUSD)}</td>
            <td data-testid="adaptive">{formatUSD(r.adaptiveMonthlyUSD)}</td>
            <td data-testid="saving">
              {r.savingMonthlyUSD === null
                ? '–'
                : `${formatUSD(r.savingMonthlyUSD)} (${formatPct(r.savingPct)})`}
            </td>
            <td data-testid="fleet">
              {r.instances === null ? '–' : `${formatUSD(r.fleetMonthlyUSD)} (${r.instances} instances)`}
            </td>
            <td data-testid="on-device">{deviceText}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
