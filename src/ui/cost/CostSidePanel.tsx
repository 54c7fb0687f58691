import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Catalog, isPriced } from '../../core/pricing/catalogSchema';
import { loadDefaultCatalog } from '../../core/pricing/defaultCatalog';
import { formatCount } from '../../core/pricing/formatUSD';
import { projectMonthly } from '../../core/pricing/projectMonthly';
import { StreamFps } from '../../core/pricing/StreamFps';
import type { LiveSession, SessionSnapshot } from '../../engine/session/LiveSession';
import { CatalogEditor } from './CatalogEditor';
import { CostCharts } from './CostCharts';
import { EntryPicker } from './EntryPicker';
import { LiveMeter } from './LiveMeter';
import { ProjectionPanel } from './ProjectionPanel';
import { ARTICLE_SCENARIO, parseScenarioForm, type ScenarioForm } from './scenarioForm';
import { useCostSeries } from './useCostSeries';
import './cost.css';
import { DEFAULT_SOURCE_FPS } from '../../core/fold/sourceFps';

interface Props {
  session: LiveSession | null;
  snapshot: SessionSnapshot | null;
}

/** Per-image API, per-minute video API, per-16-frames API, and a self-hosted T4 by the hour. */
const DEFAULT_IDS = [
  'aws-rekognition-image-group2',
  'aws-rekognition-video-stored',
  'fal-sam3-video',
  'aws-ec2-g4dn-xlarge',
];

function defaultSelection(catalog: Catalog): string[] {
  const ids = DEFAULT_IDS.filter((id) => catalog.some((e) => e.id === id));
  return ids.length > 0
    ? ids
    : catalog
        .filter(isPriced)
        .slice(0, 4)
        .map((e) => e.id);
}

/**
 * The cost side panel: what this session's inferences would have cost in the cloud, a monthly projection, and the
 * catalog it is all priced from. Everything is derived from the FrameEvent stream via the 4 Hz snapshot.
 */
export function CostSidePanel({ session, snapshot }: Props) {
  const [catalog, setCatalog] = useState<Catalog>(loadDefaultCatalog);
  const [selected, setSelected] = useState<string[]>(() => defaultSelection(catalog));
  const [form, setForm] = useState<ScenarioForm>(ARTICLE_SCENARIO);
  const series = useCostSeries(session, snapshot);
  // The engine prices budgets, logs and the cross-tab aggregate from the same catalog and selection.
  useEffect(() => session?.meter.setCatalog(catalog, selected), [session, catalog, selected]);

  // The rate stream time is priced at: the last measurement sticks (one rule with the fleet telemetry).
  const [streamFps] = useState(() => new StreamFps());
  const fps = streamFps.update(snapshot?.stats.sourceFps ?? null);

  const frames = snapshot?.totals.frames ?? 0;
  const inferences = snapshot?.totals.inferences ?? 0;
  const liveRatio = frames > 0 ? inferences / frames : null;
  // Read on click through a ref, so the projection does not re-render on every tick just because the ratio moved.
  const liveRatioRef = useRef(liveRatio);
  liveRatioRef.current = liveRatio;
  const onUseLiveRatio = useCallback(() => {
    const ratio = liveRatioRef.current;
    // Four decimals: what the input shows is what is projected, and more digits than that would be noise.
    if (ratio !== null) setForm((f) => ({ ...f, inferenceRatio: String(Number(ratio.toFixed(4))) }));
  }, []);

  const entries = useMemo(() => {
    const byId = new Map(catalog.map((e) => [e.id, e]));
    return selected.flatMap((id) => byId.get(id) ?? []);
  }, [catalog, selected]);
  const pricedEntries = useMemo(() => entries.filter(isPriced), [entries]);

  // GB (egress) entries price the bytes each inferred frame would upload: the projection's frame size.
  const typedBytes = Number(form.frameBytes);
  const frameBytes =
    form.frameBytes.trim() !== '' && typedBytes >= 0 ? typedBytes : Number(ARTICLE_SCENARIO.frameBytes);

  const parsedScenario = useMemo(() => parseScenarioForm(form, selected, catalog), [form, selected, catalog]);
  const projection = useMemo(
    () => (parsedScenario.ok ? projectMonthly(parsedScenario.value, catalog) : null),
    [parsedScenario, catalog],
  );
  const projectedUnitsById = useMemo(
    () => Object.fromEntries((projection?.providers ?? []).map((p) => [p.id, p.billedUnits])),
    [projection],
  );

  const onCatalog = useCallback((next: Catalog, renamed?: { from: string; to: string }) => {
    setCatalog(next);
    setSelected((ids) => {
      const known = new Set(next.map((e) => e.id));
      const kept = ids
        .map((id) => (renamed && id === renamed.from ? renamed.to : id))
        .filter((id) => known.has(id));
      return kept.length > 0 ? kept : defaultSelection(next);
    });
  }, []);
  const onReset = useCallback(() => {
    const next = loadDefaultCatalog();
    setCatalog(next);
    setSelected(defaultSelection(next));
  }, []);

  return (
    <section className="panel cost-panel" aria-labelledby="cost-heading">
      <h2 id="cost-heading">Cost</h2>
      <p className="hint" data-testid="cost-basis">
        <span data-testid="cost-frames">{formatCount(frames)}</span> frames shown,{' '}
        <span data-testid="cost-inferences">{formatCount(inferences)}</span> inferences ran
        {liveRatio === null ? '' : ` (ratio ${liveRatio.toFixed(3)})`}. Stream time = frames ÷{' '}
        {streamFps.measured ? `${fps} fps (measured)` : `${DEFAULT_SOURCE_FPS} fps (assumed until measured)`}{' '}
        = {formatCount(frames / fps, 1)} s. Priced as this month's first usage; GB entries at{' '}
        {formatCount(frameBytes)} bytes a frame.
      </p>
      <EntryPicker catalog={catalog} selected={selected} onChange={setSelected} />
      <section className="cost-section" aria-labelledby="meter-heading">
        <h3 id="meter-heading">This session, as if sent to the cloud</h3>
        <LiveMeter
          entries={entries}
          frames={frames}
          inferences={inferences}
          fps={fps}
          projectedUnitsById={projectedUnitsById}
          device={series.device}
          frameBytes={frameBytes}
        />
      </section>
      <section className="cost-section" aria-labelledby="charts-heading">
        <h3 id="charts-heading">Over time</h3>
        <CostCharts points={series.points} entries={pricedEntries} fps={fps} frameBytes={frameBytes} />
      </section>
      <ProjectionPanel
        catalog={catalog}
        form={form}
        onChange={setForm}
        parsed={parsedScenario}
        projection={projection}
        hasLiveRatio={liveRatio !== null}
        onUseLiveRatio={onUseLiveRatio}
      />
      <CatalogEditor catalog={catalog} onChange={onCatalog} onReset={onReset} />
    </section>
  );
}
