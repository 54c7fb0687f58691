import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  type Catalog,
  type CatalogEntry,
  isPriced,
  type ParseResult,
} from '../../core/pricing/catalogSchema';
import { loadDefaultCatalog } from '../../core/pricing/defaultCatalog';
import { type LiveCostFigures, liveCostFigures } from '../../core/pricing/liveCostFigures';
import { type Projection, projectMonthly } from '../../core/pricing/projectMonthly';
import { StreamFps } from '../../core/pricing/StreamFps';
import type { Scenario } from '../../core/pricing/scenarioSchema';
import type { LiveSession, SessionSnapshot } from '../../engine/session/LiveSession';
import { ARTICLE_SCENARIO, parseScenarioForm, type ScenarioForm } from './scenarioForm';

/** Per-image API, per-minute video API, per-16-frames API, and a self-hosted T4 by the hour. */
const DEFAULT_IDS = [
  'aws-rekognition-image-group2',
  'aws-rekognition-video-stored',
  'fal-sam3-video',
  'aws-ec2-g4dn-xlarge',
];

export { FALLBACK_FPS } from '../../core/pricing/StreamFps';

function defaultSelection(catalog: Catalog): string[] {
  const ids = DEFAULT_IDS.filter((id) => catalog.some((e) => e.id === id));
  return ids.length > 0
    ? ids
    : catalog
        .filter(isPriced)
        .slice(0, 4)
        .map((e) => e.id);
}

/** The live view's pricing state: the catalog, the compared entries, the projection and this session's figures. */
export interface CostModel {
  catalog: Catalog;
  selected: string[];
  setSelected: (ids: string[]) => void;
  entries: CatalogEntry[];
  pricedEntries: CatalogEntry[];
  form: ScenarioForm;
  setForm: (form: ScenarioForm) => void;
  parsedScenario: ParseResult<Scenario>;
  projection: Projection | null;
  projectedUnitsById: Readonly<Record<string, number>>;
  /** Source fps the stream time is derived from, and whether it was measured (or assumed). */
  fps: number;
  fpsMeasured: boolean;
  frameBytes: number;
  /** The one computation of the session's money figures; the headline and the cost panel both read it. */
  figures: LiveCostFigures;
  /** The entry the headline shows. */
  headlineId: string | null;
  setHeadlineId: (id: string) => void;
  onCatalog: (next: Catalog, renamed?: { from: string; to: string }) => void;
  onReset: () => void;
  onUseLiveRatio: () => void;
}

/**
 * Owns what the cost panel used to keep to itself, so the headline beside the stage prices the same counts with the
 * same catalog, selection and projection. Driven by the 4 Hz snapshot, never by the frame loop.
 */
export function useCostModel(session: LiveSession | null, snapshot: SessionSnapshot | null): CostModel {
  const [catalog, setCatalog] = useState<Catalog>(loadDefaultCatalog);
  const [selected, setSelected] = useState<string[]>(() => defaultSelection(catalog));
  const [form, setForm] = useState<ScenarioForm>(ARTICLE_SCENARIO);
  const [chosenHeadline, setHeadlineId] = useState<string | null>(null);
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
  const scenario = parsedScenario.ok ? parsedScenario.value : null;
  const projection = useMemo(
    () => (scenario ? projectMonthly(scenario, catalog) : null),
    [scenario, catalog],
  );
  const projectedUnitsById = useMemo(
    () => Object.fromEntries((projection?.providers ?? []).map((p) => [p.id, p.billedUnits])),
    [projection],
  );
  const figures = useMemo(
    () => liveCostFigures({ entries, frames, inferences, fps, frameBytes, scenario, catalog }),
    [entries, frames, inferences, fps, frameBytes, scenario, catalog],
  );

  const headlineId =
    chosenHeadline && pricedEntries.some((e) => e.id === chosenHeadline)
      ? chosenHeadline
      : (pricedEntries[0]?.id ?? null);

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

  return {
    catalog,
    selected,
    setSelected,
    entries,
    pricedEntries,
    form,
    setForm,
    parsedScenario,
    projection,
    projectedUnitsById,
    fps,
    fpsMeasured: streamFps.measured,
    frameBytes,
    figures,
    headlineId,
    setHeadlineId,
    onCatalog,
    onReset,
    onUseLiveRatio,
  };
}
