import { useEffect, useMemo, useState } from 'react';
import { loadDefaultCatalog } from '../../core/pricing/defaultCatalog';
import { formatCount } from '../../core/pricing/formatUSD';
import type { Scenario } from '../../core/pricing/scenarioSchema';
import { buildReport } from '../../core/report/buildReport';
import { bundledFigures } from '../../core/report/bundledFigures';
import { projectionCharges } from '../../core/report/focusCharges';
import { focusCsv } from '../../core/report/focusCsv';
import { initialFigures, liveMeasuredFigures } from '../../core/report/liveMeasuredFigures';
import {
  type MeasuredFigures,
  measuredFromBench,
  measuredFromSweep,
} from '../../core/report/measuredFigures';
import { REPORT_DEFAULT_SCENARIO } from '../../core/report/reportDefaults';
import { readReportQuery, reportQuery } from '../../core/report/reportQuery';
import type { SessionSnapshot } from '../../engine/session/LiveSession';
import { ScenarioGrid } from '../cost/ScenarioGrid';
import { parseScenarioForm, SCENARIO_FIELDS, type ScenarioForm } from '../cost/scenarioForm';
import { downloadText } from '../downloadText';
import { ScrollRegion } from '../layout/ScrollRegion';
import { SweepChart } from '../sweep/SweepChart';
import { viewPanelId } from '../ViewTabs';
import { ReportAssumptions } from './ReportAssumptions';
import { ReportCostChart } from './ReportCostChart';
import { ReportMeasured } from './ReportMeasured';
import { ReportTable } from './ReportTable';
import { ReportUsersChart } from './ReportUsersChart';
import './report.css';

/** With a measured live session, its inference ratio fills that field. */
const MEASURED_FIELDS: ReadonlySet<string> = new Set(['inferenceRatio']);

interface Props {
  /** The live session's snapshot: its figures can feed the report. */
  snapshot: SessionSnapshot | null;
}

function toForm(s: Partial<Scenario>): ScenarioForm {
  const form = {} as ScenarioForm;
  for (const { key } of SCENARIO_FIELDS) {
    const v = s[key] ?? REPORT_DEFAULT_SCENARIO[key];
    form[key] = v === undefined ? '' : String(v);
  }
  return form;
}

/** Live figures: the ratio the session ran at and its median model time; the live view measures no IoU. */
function liveFigures(snapshot: SessionSnapshot | null): MeasuredFigures | null {
  if (!snapshot) return null;
  return liveMeasuredFigures({
    frames: snapshot.totals.frames,
    inferences: snapshot.totals.inferences,
    sourceLabel: snapshot.source?.label ?? null,
    policy: snapshot.gate.policy,
    modelMsP50: snapshot.stats.modelMsP50,
  });
}

/**
 * A printable report: a scenario and measured figures become a monthly cost table per provider, the assumptions
 * behind each price, the charts, and the quality the saving costs. Everything is in the URL (`?view=report&
 * scenario=…&measured=…`), so a link reproduces it; `npm run report` prints this view headlessly.
 */
export function ReportView({ snapshot }: Props) {
  const catalog = useMemo(loadDefaultCatalog, []);
  const initial = useMemo(() => readReportQuery(location.search, catalog), [catalog]);
  const [form, setForm] = useState<ScenarioForm>(() =>
    toForm(initial.scenario?.ok ? initial.scenario.value : REPORT_DEFAULT_SCENARIO),
  );
  const [providers] = useState<string[]>(() =>
    initial.scenario?.ok && initial.scenario.value.providers
      ? initial.scenario.value.providers
      : [...(REPORT_DEFAULT_SCENARIO.providers ?? [])],
  );
  const bundled = useMemo(bundledFigures, []);
  // Figures named by the link win; a link with a scenario but no figures means "the ratio as entered"; a fresh
  // report opens on the live session when it has run long enough, otherwise on the bundled sample's bench.
  const [measured, setMeasured] = useState<MeasuredFigures | null>(() => {
    if (initial.measured?.ok) return initial.measured.value;
    if (initial.scenario || initial.measured) return null;
    return initialFigures(liveFigures(snapshot), bundled);
  });
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const linkErrors = [
    ...(initial.scenario && !initial.scenario.ok ? initial.scenario.errors : []),
    ...(initial.measured && !initial.measured.ok ? initial.measured.errors : []),
  ];

  const parsed = useMemo(() => parseScenarioForm(form, providers, catalog), [form, providers, catalog]);
  const report = useMemo(
    () => (parsed.ok ? buildReport(parsed.value, measured, catalog) : null),
    [parsed, measured, catalog],
  );
  const query = parsed.ok ? reportQuery(parsed.value, measured) : null;

  // The URL follows the inputs, so the address bar is always a link to this very report.
  useEffect(() => {
    if (!query) return;
    const params = new URLSearchParams(location.search);
    const next = new URLSearchParams(query);
    params.delete('measured');
    for (const [k, v] of next) params.set(k, v);
    history.replaceState(null, '', `${location.pathname}?${params.toString()}`);
  }, [query]);

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    const bench = measuredFromBench(text);
    const sweep = bench.ok ? bench : measuredFromSweep(text);
    if (sweep.ok) {
      setMeasured(sweep.value);
      setImportErrors([]);
    } else {
      setImportErrors([`${file.name} is neither a bench nor a sweep output:`, ...sweep.errors]);
    }
  };

  const live = liveFigures(snapshot);
  const onFocus = () => {
    if (!report) return;
    const charges = projectionCharges(report.scenario, catalog, {
      policy: measured?.policy ?? (measured ? measured.source : 'as entered'),
      month: new Date(),
    });
    downloadText('segmeter-focus.csv', focusCsv(charges), 'text/csv');
  };
  const link = query ? `${location.origin}${location.pathname}?${query}` : '';

  return (
    <section
      id={viewPanelId('report')}
      className="view-panel report-view"
      aria-labelledby="report-heading"
      data-testid="report"
      data-ready={report !== null}
    >
      <h2 id="report-heading">Edge vs cloud: monthly cost report</h2>
      <div className="no-print">
        <ScenarioGrid
          form={form}
          onChange={setForm}
          testIdPrefix="report"
          disabled={measured === null ? undefined : MEASURED_FIELDS}
        />
        <div className="button-row">
          <button
            type="button"
            disabled={!live}
            data-testid="report-use-live"
            onClick={() => live && setMeasured(live)}
          >
            Use the live session
          </button>
          <label className="button">
            Import bench or sweep JSON
            <input
              type="file"
              accept="application/json,.json"
              className="sr-only"
              data-testid="report-import"
              onChange={(e) => void onImport(e.target.files?.[0])}
            />
          </label>
          <button
            type="button"
            disabled={measured?.source === 'bundled'}
            data-testid="report-use-bundled"
            onClick={() => setMeasured(bundled)}
          >
            Use the bundled sample's bench
          </button>
          <button type="button" disabled={!measured} onClick={() => setMeasured(null)}>
            Clear measured figures
          </button>
          <button type="button" disabled={!report} data-testid="report-focus" onClick={onFocus}>
            Export FOCUS 1.2 CSV
          </button>
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
        </div>
        {[...linkErrors, ...importErrors].length > 0 && (
          <ul className="errors" role="alert" data-testid="report-errors">
            {[...linkErrors, ...importErrors].map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        {!parsed.ok && (
          <ul className="errors" role="alert">
            {parsed.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        <label className="report-link">
          Link to this report
          <input
            type="text"
            readOnly
            value={link}
            data-testid="report-link"
            onFocus={(e) => e.target.select()}
          />
        </label>
      </div>
      {report && (
        <>
          <section aria-labelledby="report-scenario-heading">
            <h3 id="report-scenario-heading">Scenario</h3>
            <p data-testid="report-scenario">
              {formatCount(report.scenario.users)} users a day ×{' '}
              {formatCount(report.scenario.secondsPerUserPerDay)} s × {formatCount(report.scenario.fps)} fps ×{' '}
              {formatCount(report.scenario.days)} days = {formatCount(report.framesPerMonth)} frames and{' '}
              {formatCount(report.sessionsPerMonth)} sessions a month; peak{' '}
              {formatCount(report.scenario.peakConcurrentStreams)} concurrent streams,{' '}
              {formatCount(report.scenario.frameBytes)} bytes a frame.
            </p>
            <ReportMeasured measured={measured} report={report} />
          </section>
          <ScrollRegion label="Monthly cost table">
            <ReportTable report={report} />
          </ScrollRegion>
          <section aria-labelledby="report-charts-heading">
            <h3 id="report-charts-heading">Charts</h3>
            <ScrollRegion label="Monthly cost against users chart">
              <ReportUsersChart report={report} catalog={catalog} />
            </ScrollRegion>
            <ScrollRegion label="Monthly cost per provider chart">
              <ReportCostChart rows={report.providers} />
            </ScrollRegion>
            {measured?.sweep && (
              <ScrollRegion label="Sweep chart">
                <SweepChart
                  points={measured.sweep.points}
                  pareto={measured.sweep.pareto}
                  recommended={measured.sweep.recommended}
                  targetIou={0.95}
                  width={720}
                />
              </ScrollRegion>
            )}
          </section>
          <ReportAssumptions report={report} catalog={catalog} />
        </>
      )}
    </section>
  );
}
