import { useMemo, useRef, useState } from 'react';
import type { GateSettings } from '../../core/gate/gateSettings';
import type { Catalog } from '../../core/pricing/catalogSchema';
import { formatUSD } from '../../core/pricing/formatUSD';
import { costOfQuality } from '../../core/sweep/costOfQuality';
import type { SweepPoint } from '../../core/sweep/sweepTypes';
import type { SweepProgress } from '../../engine/replay/sweepReplay';
import type { LiveSession } from '../../engine/session/LiveSession';
import { CostOfQualityChart } from './CostOfQualityChart';
import { useThrottledSetter } from './useThrottledSetter';

interface Props {
  session: LiveSession | null;
  clip: { url: string; label: string } | null;
  /** The gate settings the targets are held with (the live gate's). */
  gate: GateSettings;
  catalog: Catalog;
  disabled: boolean;
  hidden: boolean;
}

/** Mean-IoU targets from "0.9, 0.95, 0.97"; null when any is not a number within 0.1..1 (exclusive). */
function parseTargets(text: string): number[] | null {
  const parts = text.split(',').map((t) => t.trim());
  const values = parts.map(Number);
  const ok =
    parts.length > 0 &&
    parts.length <= 20 &&
    parts.every((t, i) => t !== '' && values[i] > 0.1 && values[i] < 1);
  return ok ? values : null;
}

/**
 * The cost of quality: sweeps the quality target itself (one every-frame reference pass for every target, warp on
 * and optionally off) and shows what each target cost in inferences per frame and as an as-if month.
 */
export function TargetSweep({ session, clip, gate, catalog, disabled, hidden }: Props) {
  const [text, setText] = useState('0.9, 0.95, 0.97');
  const [withoutWarp, setWithoutWarp] = useState(false);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<SweepProgress | null>(null);
  const showProgress = useThrottledSetter(setProgress);
  const [error, setError] = useState<string | null>(null);
  const [points, setPoints] = useState<SweepPoint[] | null>(null);
  const abort = useRef<AbortController | null>(null);
  const targets = parseTargets(text);
  const cost = useMemo(() => (points ? costOfQuality(points, catalog) : null), [points, catalog]);

  const start = async () => {
    if (!session || !clip || !targets) return;
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    setError(null);
    try {
      const grid = withoutWarp
        ? [
            { ...gate, warp: true },
            { ...gate, warp: false },
          ]
        : [{ ...gate, warp: true }];
      const run = await session.sweep({
        videoUrl: clip.url,
        grid,
        policy: 'target',
        targets,
        signal: controller.signal,
        onProgress: showProgress,
      });
      setPoints(run.points);
    } catch (err) {
      setError(controller.signal.aborted ? 'Target sweep cancelled.' : (err as Error).message);
    } finally {
      setRunning(false);
      abort.current = null;
    }
  };

  return (
    <section className="target-sweep" aria-labelledby="target-sweep-heading">
      <h3 id="target-sweep-heading">Cost of quality</h3>
      <p className="hint">
        Sweeps the quality target itself: what holding each mean IoU cost in inferences, and as a month of the
        Report's default scenario at the per-image price.
      </p>
      <div className="form-row">
        <label>
          Targets (mean IoU)
          <input
            value={text}
            aria-invalid={targets === null}
            data-testid="target-sweep-targets"
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={withoutWarp} onChange={(e) => setWithoutWarp(e.target.checked)} />
          Also without warp
        </label>
        <button
          type="button"
          data-testid="target-sweep-run"
          disabled={disabled || running || !clip || !targets}
          onClick={() => void start()}
        >
          Sweep targets
        </button>
        <button type="button" disabled={!running} onClick={() => abort.current?.abort()}>
          Cancel target sweep
        </button>
      </div>
      {running && (
        <p aria-live="polite" data-testid="target-sweep-progress">
          {progress
            ? `frame ${progress.framesDone} of ${progress.frames}, ${progress.points} targets`
            : 'Opening the clip…'}
        </p>
      )}
      {error && (
        <p className="errors" role="alert">
          {error}
        </p>
      )}
      {cost && (
        <>
          {cost.sentences.map((s) => (
            <p key={s} data-testid="cost-of-quality-sentence">
              {s}
            </p>
          ))}
          {!hidden && <CostOfQualityChart rows={cost.rows} />}
          <table data-testid="cost-of-quality-table">
            <thead>
              <tr>
                <th>Target</th>
                <th>Warp</th>
                <th>Inferences per frame</th>
                <th>Mean IoU</th>
                <th>p05 IoU</th>
                <th>As-if month</th>
              </tr>
            </thead>
            <tbody>
              {cost.rows.map((r) => (
                <tr key={`${r.target}-${r.warp}`}>
                  <td>{r.target}</td>
                  <td>{r.warp ? 'on' : 'off'}</td>
                  <td>{r.inferencesPerFrame.toFixed(3)}</td>
                  <td>{r.iouMean.toFixed(3)}</td>
                  <td>{r.iouP05.toFixed(3)}</td>
                  <td>{formatUSD(r.monthlyUSD)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
