import { formatCount } from '../../core/pricing/formatUSD';
import type { LiveSession, SessionSnapshot } from '../../engine/LiveSession';
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

  return (
    <section className="panel cost-panel" aria-labelledby="cost-heading">
      <h2 id="cost-heading">Cost</h2>
      <p className="hint" data-testid="cost-basis">
        <span data-testid="cost-frames">{formatCount(frames)}</span> frames shown,{' '}
        <span data-testid="cost-inferences">{formatCount(inferences)}</span> inferences ran
        {ratio === null ? '' : ` (ratio ${ratio.toFixed(3)})`}. Stream time = frames ÷{' '}
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
