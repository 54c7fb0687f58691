import type { Catalog } from '../../core/pricing/catalogSchema';
import { formatUSD } from '../../core/pricing/formatUSD';
import type { Report } from '../../core/report/buildReport';
import { unitLabel } from '../cost/unitLabel';
import { ScrollRegion } from '../layout/ScrollRegion';

function tiersText(entry: Catalog[number]): string {
  if (entry.tiers.length === 0) return 'no public price';
  return entry.tiers
    .map((t) =>
      t.upToUnitsPerMonth === null
        ? `${formatUSD(t.pricePerUnitUSD)} per ${unitLabel(entry.unit)}`
        : `${formatUSD(t.pricePerUnitUSD)} up to ${t.upToUnitsPerMonth.toLocaleString('en-US')}`,
    )
    .join('; ');
}

/** What every figure rests on: the scenario's rules, and each price with its source, the date seen, confidence. */
export function ReportAssumptions({ report, catalog }: { report: Report; catalog: Catalog }) {
  const byId = new Map(catalog.map((e) => [e.id, e]));
  return (
    <section aria-labelledby="assumptions-heading" data-testid="report-assumptions">
      <h3 id="assumptions-heading">Assumptions</h3>
      <ul className="small">
        <li>
          Frames a month = users × seconds per user a day × fps × days. Every-frame cloud sends every frame;
          adaptive cloud sends only the frames the motion gate inferred (ratio{' '}
          {report.scenario.inferenceRatio.toFixed(4)}
          {report.measured ? `, measured: ${report.measured.source}` : ', as entered'}).
        </li>
        <li>
          Tiers are graduated and apply to the month's total. Hourly (self-hosted) entries: "adaptive" is busy
          hours at full utilisation; the always-on fleet is ceil(peak × fps × ratio ÷ throughput) + redundancy
          instances, 24 h × days.
        </li>
        <li>
          On-device inference costs no cloud bill; its cost is the users' device time (median model time ×
          inferences), which the report shows instead of a price.
        </li>
      </ul>
      <ScrollRegion label="Prices used">
        <table className="assumptions-table">
          <caption className="sr-only">Prices used, with source and date seen</caption>
          <thead>
            <tr>
              <th scope="col">Entry</th>
              <th scope="col">Price</th>
              <th scope="col">Source</th>
              <th scope="col">Seen</th>
              <th scope="col">Confidence</th>
            </tr>
          </thead>
          <tbody>
            {report.providers.map((r) => {
              const entry = byId.get(r.id);
              return (
                <tr key={r.id}>
                  <th scope="row">{r.id}</th>
                  <td className="text">
                    {entry ? tiersText(entry) : '–'}
                    {entry?.throughputFps ? `, ${entry.throughputFps} fps per instance` : ''}
                  </td>
                  <td className="text source-url">
                    <a href={r.sourceUrl} target="_blank" rel="noreferrer noopener">
                      {r.sourceUrl}
                    </a>
                  </td>
                  <td className="text">{r.seenDate}</td>
                  <td className="text">{r.confidence}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
