import { memo, useMemo } from 'react';
import {
  type BreakEven,
  breakEvenPoints,
  breakEvenVsFleet,
  costLines,
  lineName,
} from '../../core/pricing/breakEven';
import type { Catalog, ParseResult } from '../../core/pricing/catalogSchema';
import { formatCount, formatUSD } from '../../core/pricing/formatUSD';
import type { Projection } from '../../core/pricing/projectMonthly';
import type { Scenario } from '../../core/pricing/scenarioSchema';
import { ScrollRegion } from '../layout/ScrollRegion';
import { ScenarioGrid } from './ScenarioGrid';
import type { ScenarioForm } from './scenarioForm';
import { unitLabel } from './unitLabel';

interface Props {
  catalog: Catalog;
  form: ScenarioForm;
  onChange: (form: ScenarioForm) => void;
  parsed: ParseResult<Scenario>;
  projection: Projection | null;
  /** False until the live session has shown a frame. */
  hasLiveRatio: boolean;
  /** Sets the inference ratio to the live session's inferences / frames. */
  onUseLiveRatio: () => void;
}

function lineLabel(name: string): string {
  return name.endsWith('#fleet') ? `${name.slice(0, -6)} (always-on fleet)` : name;
}

/** Monthly cost of the selected entries for a usage scenario, and where the options cross. */
export const ProjectionPanel = memo(function ProjectionPanel({
  catalog,
  form,
  onChange,
  parsed,
  projection,
  hasLiveRatio,
  onUseLiveRatio,
}: Props) {
  const scenario = parsed.ok ? parsed.value : null;
  const vsFleet = useMemo(() => (scenario ? breakEvenVsFleet(scenario, catalog) : []), [scenario, catalog]);
  const crossings = useMemo(() => {
    if (!scenario) return [];
    const lines = costLines(scenario, catalog);
    const out: { a: string; b: string; point: BreakEven }[] = [];
    for (let i = 0; i < lines.length; i++)
      for (let j = i + 1; j < lines.length; j++) {
        const a = lines[i];
        const b = lines[j];
        if (!a || !b || (a.kind === 'fleet' && b.kind === 'fleet')) continue;
        for (const point of breakEvenPoints(a, b)) out.push({ a: lineName(a), b: lineName(b), point });
      }
    return out.sort((x, y) => x.point.framesPerMonth - y.point.framesPerMonth);
  }, [scenario, catalog]);
  const framesPerUser = scenario ? scenario.secondsPerUserPerDay * scenario.fps * scenario.days : 0;
  const users = (frames: number) =>
    framesPerUser > 0 ? ` ≈ ${formatCount(frames / framesPerUser, 0)} users` : '';
  const badFields = new Set(parsed.ok ? [] : parsed.errors.map((e) => e.split(/[:.[]/)[0]));
  const byId = new Map(catalog.map((e) => [e.id, e]));

  return (
    <section className="cost-section" aria-labelledby="projection-heading">
      <h3 id="projection-heading">Monthly projection</h3>
      <ScenarioGrid form={form} onChange={onChange} testIdPrefix="scenario" invalid={badFields} />
      <div className="button-row">
        <button type="button" disabled={!hasLiveRatio} onClick={onUseLiveRatio} data-testid="use-live-ratio">
          Use live ratio
        </button>
      </div>
      {!parsed.ok && (
        <ul className="errors" role="alert" data-testid="scenario-errors">
          {parsed.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {projection && (
        <>
          <p className="hint" data-testid="projection-volume">
            {formatCount(projection.framesPerMonth)} frames, {formatCount(projection.inferencesPerMonth, 0)}{' '}
            inferences and {formatCount(projection.sessionsPerMonth)} sessions a month. Tiers apply to the
            monthly total.
          </p>
          <ScrollRegion label="Monthly cost per selected entry">
            <table className="cost-table projection-table" data-testid="projection-table">
              <caption className="sr-only">Monthly cost per selected entry</caption>
              <thead>
                <tr>
                  <th scope="col">Entry</th>
                  <th scope="col">Adaptive / mo</th>
                  <th scope="col">Every frame / mo</th>
                  <th scope="col">Fleet / mo</th>
                  <th scope="col">Per session</th>
                  <th scope="col">Per 1k frames</th>
                </tr>
              </thead>
              <tbody>
                {projection.providers.map((p) => (
                  <tr key={p.id} data-testid={`projection-${p.id}`}>
                    <th scope="row" title={byId.get(p.id)?.product}>
                      {p.id}
                      <span className="billed">
                        {formatCount(p.billedUnits)} {unitLabel(p.unit, true)} / mo
                      </span>
                    </th>
                    <td data-testid="monthly-usd">{formatUSD(p.monthlyUSD)}</td>
                    <td data-testid="every-frame-monthly-usd">{formatUSD(p.everyFrameMonthlyUSD)}</td>
                    <td data-testid="fleet-monthly-usd">
                      {p.instances === null
                        ? '–'
                        : `${formatUSD(p.fleetMonthlyUSD)} (${p.instances} always on)`}
                    </td>
                    <td>{formatUSD(p.perSessionUSD)}</td>
                    <td>{formatUSD(p.perThousandFramesUSD)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="hint small">
            Hour entries: "Adaptive" is busy hours at full utilisation; "Fleet" is always-on instances for the
            peak (ceil(peak × fps × ratio / throughput) + redundancy), 24 h × days.
          </p>
          <h4>Break-even</h4>
          {vsFleet.length === 0 ? (
            <p className="hint">Select an hourly (self-hosted) entry to see where a fleet pays off.</p>
          ) : (
            <table className="cost-table" data-testid="break-even-table">
              <caption className="sr-only">
                Volume above which the cheapest fleet beats each per-use option
              </caption>
              <thead>
                <tr>
                  <th scope="col">Per-use option</th>
                  <th scope="col">Fleet wins above (frames / mo)</th>
                </tr>
              </thead>
              <tbody>
                {vsFleet.map((b) => (
                  <tr key={b.id}>
                    <th scope="row">{b.id}</th>
                    <td>
                      {b.framesPerMonth === null
                        ? `never (fleet ${b.fleetId} ${formatUSD(b.fleetMonthlyUSD)}/mo)`
                        : `${formatCount(b.framesPerMonth, 0)}${users(b.framesPerMonth)} vs ${b.fleetId} at ${formatUSD(b.fleetMonthlyUSD)}/mo`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {crossings.length > 0 && (
            <details className="crossings">
              <summary>All crossings between selected options ({crossings.length})</summary>
              <ul className="small">
                {crossings.map(({ a, b, point }) => (
                  <li key={`${a}|${b}|${point.framesPerMonth}`}>
                    {lineLabel(a)} = {lineLabel(b)} at {formatCount(point.framesPerMonth, 0)} frames/mo
                    {users(point.framesPerMonth)} ({formatUSD(point.monthlyUSD)}/mo); cheaper above:{' '}
                    {lineLabel(point.cheaperAbove)}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
});
