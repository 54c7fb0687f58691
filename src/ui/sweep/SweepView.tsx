import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_GATE_SETTINGS, type GateSettings } from '../../core/gate/gateSettings';
import { loadDefaultCatalog } from '../../core/pricing/defaultCatalog';
import { measuredFromSweep } from '../../core/report/measuredFigures';
import { REPORT_DEFAULT_SCENARIO } from '../../core/report/reportDefaults';
import { reportQuery } from '../../core/report/reportQuery';
import { defaultGrid } from '../../core/sweep/defaultGrid';
import { parseGrid } from '../../core/sweep/parseGrid';
import { DEFAULT_TARGET_IOU, recommendPoint } from '../../core/sweep/recommendPoint';
import { summarizeSweep } from '../../core/sweep/summarizeSweep';
import type { SweepProgress, SweepRun } from '../../engine/replay/sweepReplay';
import type { LiveSession, SessionSnapshot } from '../../engine/session/LiveSession';
import { downloadJson } from '../downloadJson';
import { viewPanelId } from '../ViewTabs';
import { SweepChart } from './SweepChart';
import { SweepTable } from './SweepTable';
import { TargetSweep } from './TargetSweep';
import './sweep.css';
import { useThrottledSetter } from './useThrottledSetter';

interface Props {
  session: LiveSession | null;
  snapshot: SessionSnapshot | null;
  hidden: boolean;
}

interface Clip {
  url: string;
  label: string;
}

type GridChoice =
  | { kind: 'default'; grid: GateSettings[] }
  | { kind: 'file'; name: string; grid: GateSettings[] };

function timeLeft(ms: number | null): string {
  if (ms === null) return 'estimating time left';
  const s = Math.round(ms / 1000);
  return s < 90 ? `about ${s} s left` : `about ${Math.round(s / 60)} min left`;
}

/**
 * Replays a clip over a grid of gate settings (one every-frame reference pass for all of them), plots skipping
 * against quality with the Pareto front and recommends the setting that skips most at the quality target.
 * Stays mounted under other tabs so a sweep keeps running while the user looks elsewhere.
 */
export function SweepView({ session, snapshot, hidden }: Props) {
  const catalog = useMemo(loadDefaultCatalog, []);
  const [ownClip, setOwnClip] = useState<Clip | null>(null);
  const [grid, setGrid] = useState<GridChoice>(() => ({ kind: 'default', grid: defaultGrid() }));
  const [gridErrors, setGridErrors] = useState<string[]>([]);
  const [targetText, setTargetText] = useState(String(DEFAULT_TARGET_IOU));
  const [progress, setProgress] = useState<SweepProgress | null>(null);
  const showProgress = useThrottledSetter(setProgress);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState<{ run: SweepRun; label: string } | null>(null);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => () => (ownClip ? URL.revokeObjectURL(ownClip.url) : undefined), [ownClip]);

  // The live session's clip, when it plays one (a camera stream cannot be replayed frame by frame).
  const liveSource = snapshot?.source ?? null;
  const liveClip: Clip | null =
    session?.driver.source && liveSource && liveSource.kind !== 'camera'
      ? { url: session.driver.source.video.currentSrc, label: liveSource.label }
      : null;
  const clip = ownClip ?? liveClip;

  const target = Number(targetText);
  const targetOk = targetText.trim() !== '' && target >= 0 && target <= 1;
  const result = useMemo(
    () =>
      run
        ? summarizeSweep(run.label, run.run.frames, run.run.points, {
            targetIou: targetOk ? target : DEFAULT_TARGET_IOU,
            catalog,
          })
        : null,
    [run, target, targetOk, catalog],
  );
  const recommendedIndex = useMemo(
    () => (result ? recommendPoint(result.points, result.targetIou, result.minIouP05) : null),
    [result],
  );
  const reportLink = useMemo(() => {
    if (!result) return null;
    const measured = measuredFromSweep(result);
    return measured.ok ? `?${reportQuery(REPORT_DEFAULT_SCENARIO, measured.value)}` : null;
  }, [result]);

  const onGridFile = async (file: File | undefined) => {
    if (!file) return;
    const parsed = parseGrid(await file.text());
    if (parsed.ok) {
      setGrid({ kind: 'file', name: file.name, grid: parsed.grid });
      setGridErrors([]);
    } else setGridErrors(parsed.errors);
  };

  const start = async () => {
    if (!session || !clip) return;
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setError(null);
    setProgress(null);
    try {
      const measured = await session.sweep({
        videoUrl: clip.url,
        grid: grid.grid,
        signal: controller.signal,
        onProgress: showProgress,
      });
      setRun({ run: measured, label: clip.label });
    } catch (err) {
      setError(controller.signal.aborted ? 'Sweep cancelled.' : (err as Error).message);
    } finally {
      setRunning(false);
      abort.current = null;
    }
  };

  return (
    <section
      id={viewPanelId('sweep')}
      className="view-panel sweep-view"
      aria-labelledby="sweep-heading"
      hidden={hidden}
    >
      <h2 id="sweep-heading">Threshold sweep</h2>
      <p className="hint">
        Replays a clip once with the model on every frame, and measures each gate setting of the grid against
        those masks: how many frames it skips, and how close the mask it shows stays to the model's (IoU).
      </p>
      <div className="form-row">
        <p className="sweep-clip" data-testid="sweep-clip">
          Clip: {clip ? clip.label : 'none: play the sample clip or a video file in Live, or choose one here'}
        </p>
        <label>
          Video file
          <input
            type="file"
            accept="video/*"
            disabled={running}
            data-testid="sweep-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) setOwnClip({ url: URL.createObjectURL(file), label: file.name });
            }}
          />
        </label>
        {ownClip && (
          <button type="button" disabled={running} onClick={() => setOwnClip(null)}>
            Use the live clip
          </button>
        )}
      </div>
      <div className="form-row">
        <p data-testid="sweep-grid">
          Grid: {grid.kind === 'default' ? 'default' : grid.name} ({grid.grid.length} settings)
        </p>
        <label>
          Import grid (JSON list of gate settings)
          <input
            type="file"
            accept="application/json,.json"
            disabled={running}
            data-testid="sweep-grid-file"
            onChange={(e) => void onGridFile(e.target.files?.[0])}
          />
        </label>
        {grid.kind === 'file' && (
          <button
            type="button"
            disabled={running}
            onClick={() => setGrid({ kind: 'default', grid: defaultGrid() })}
          >
            Default grid
          </button>
        )}
        <label>
          Target mean IoU
          <input
            type="number"
            min={0}
            max={1}
            step={0.005}
            value={targetText}
            aria-invalid={!targetOk}
            data-testid="sweep-target"
            onChange={(e) => setTargetText(e.target.value)}
          />
        </label>
      </div>
      {gridErrors.length > 0 && (
        <ul className="errors" role="alert" data-testid="sweep-grid-errors">
          {gridErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button
          type="button"
          data-testid="sweep-run"
          disabled={running || !clip || !session || snapshot?.segmenter === null}
          onClick={() => void start()}
        >
          Run sweep
        </button>
        <button
          type="button"
          data-testid="sweep-cancel"
          disabled={!running}
          onClick={() => abort.current?.abort()}
        >
          Cancel
        </button>
        <button
          type="button"
          data-testid="sweep-export"
          disabled={!result}
          onClick={() => result && downloadJson('sweep.json', result)}
        >
          Export JSON
        </button>
        {reportLink && (
          <a className="button" href={reportLink} data-testid="sweep-report-link">
            Report with the recommended setting
          </a>
        )}
      </div>
      {running && (
        <div className="sweep-progress" data-testid="sweep-progress" aria-live="polite">
          <progress value={progress?.done ?? 0} max={progress?.total ?? 1} aria-label="Sweep progress" />
          <span>
            {progress
              ? `${progress.done} of ${progress.total} point-frames (frame ${progress.framesDone} of ${progress.frames}, ${progress.points} settings), ${timeLeft(progress.msLeft)}`
              : 'Opening the clip…'}
          </span>
        </div>
      )}
      {error && (
        <p className="errors" role="alert" data-testid="sweep-error">
          {error}
        </p>
      )}
      {result && (
        <>
          <h3>Skipping against quality</h3>
          <p data-testid="sweep-recommended">
            {result.recommended
              ? `Recommended: setting ${recommendedIndex}, skips ${(result.recommended.skipRatio * 100).toFixed(1)}% of frames at mean IoU ${result.recommended.iouMean.toFixed(3)} (p05 ${result.recommended.iouP05.toFixed(3)}).`
              : `No setting reaches mean IoU ${result.targetIou} with p05 ${result.minIouP05}: loosen the target or sweep tighter settings.`}{' '}
            {result.frames} frames of {result.video}. As-if costs at {result.asIfEntry}'s per-image price.
          </p>
          {!hidden && (
            <SweepChart
              points={result.points}
              pareto={result.pareto}
              recommended={recommendedIndex}
              targetIou={result.targetIou}
            />
          )}
          <SweepTable
            result={result}
            recommendedIndex={recommendedIndex}
            liveGate={snapshot?.gate.settings ?? null}
            onApply={(gate) => session?.replaceGate(gate)}
          />
        </>
      )}
      <TargetSweep
        session={session}
        clip={clip}
        gate={snapshot?.gate.settings ?? DEFAULT_GATE_SETTINGS}
        catalog={catalog}
        disabled={running || !session || snapshot?.segmenter === null}
        hidden={hidden}
      />
    </section>
  );
}
