import { useRef } from 'react';
import { formatCount } from '../../core/pricing/formatUSD';
import { sessionCharges } from '../../core/report/focusCharges';
import { focusCsv } from '../../core/report/focusCsv';
import type { LiveSession, SessionSnapshot } from '../../engine/session/LiveSession';
import { downloadText } from '../downloadText';
import { CatalogEditor } from './CatalogEditor';
import { CostCharts } from './CostCharts';
import { EntryPicker } from './EntryPicker';
import { LiveMeter } from './LiveMeter';
import { ProjectionPanel } from './ProjectionPanel';
import type { CostModel } from './useCostModel';
import { FALLBACK_FPS } from './useCostModel';
import { useCostSeries } from './useCostSeries';
import './cost.css';

interface Props {
  session: LiveSession | null;
  snapshot: SessionSnapshot | null;
  /** The pricing state the headline shares (useCostModel). */
  model: CostModel;
}

/**
 * The cost side panel: what this session's inferences would have cost in the cloud, a monthly projection, and the
 * catalog it is all priced from. Everything is derived from the FrameEvent stream via the 4 Hz snapshot.
 */
export function CostSidePanel({ session, snapshot, model }: Props) {
  const series = useCostSeries(session, snapshot);
  const { figures, fps, frameBytes } = model;
  const { frames, inferences, ratio } = figures;
  const failed = snapshot?.totals.failed ?? 0;
  // When this session's stream began (wall clock), for the FOCUS export's charge period; reset with the counts.
  const startedAt = useRef<Date | null>(null);
  if (frames === 0) startedAt.current = null;
  else startedAt.current ??= new Date(Date.now() - figures.durationSeconds * 1000);
  const onFocus = () => {
    const charges = sessionCharges(figures.prices, model.catalog, {
      policy: snapshot?.gate.policy ?? 'target',
      start: startedAt.current ?? new Date(),
      durationSeconds: figures.durationSeconds,
      inferenceRatio: ratio ?? 0,
    });
    downloadText('segmeter-session-focus.csv', focusCsv(charges), 'text/csv');
  };

  return (
    <section className="panel cost-panel" aria-labelledby="cost-heading">
      <h2 id="cost-heading">Cost</h2>
      <p className="hint" data-testid="cost-basis">
        <span data-testid="cost-frames">{formatCount(frames)}</span> frames shown,{' '}
        <span data-testid="cost-inferences">{formatCount(inferences)}</span> billed inferences
        {ratio === null ? '' : ` (ratio ${ratio.toFixed(3)})`}
        {failed > 0 ? (
          <>
            , <span data-testid="cost-failed">{formatCount(failed)}</span> failed (not billed)
          </>
        ) : null}
        . Stream time = frames ÷{' '}
        {model.fpsMeasured ? `${fps} fps (measured)` : `${FALLBACK_FPS} fps (assumed until measured)`} ={' '}
        {formatCount(figures.durationSeconds, 1)} s. Priced as this month's first usage; GB entries at{' '}
        {formatCount(frameBytes)} bytes a frame.
      </p>
      <EntryPicker catalog={model.catalog} selected={model.selected} onChange={model.setSelected} />
      <section className="cost-section" aria-labelledby="meter-heading">
        <h3 id="meter-heading">This session, as if sent to the cloud</h3>
        <LiveMeter
          entries={model.entries}
          figures={figures}
          projectedUnitsById={model.projectedUnitsById}
          device={series.device}
        />
        <div className="button-row">
          <button type="button" disabled={frames === 0} onClick={onFocus} data-testid="session-focus">
            Export this session (FOCUS 1.2 CSV)
          </button>
        </div>
      </section>
      <section className="cost-section" aria-labelledby="charts-heading">
        <h3 id="charts-heading">Over time</h3>
        <CostCharts points={series.points} entries={model.pricedEntries} fps={fps} frameBytes={frameBytes} />
      </section>
      <ProjectionPanel
        catalog={model.catalog}
        form={model.form}
        onChange={model.setForm}
        parsed={model.parsedScenario}
        projection={model.projection}
        hasLiveRatio={ratio !== null}
        onUseLiveRatio={model.onUseLiveRatio}
      />
      <CatalogEditor catalog={model.catalog} onChange={model.onCatalog} onReset={model.onReset} />
    </section>
  );
}
