import type { SessionSnapshot } from '../engine/session/LiveSession';

const fmt = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined ? '–' : v.toFixed(digits);

/** Display FPS against the source, inference FPS, and honest model and end-to-end timings (read-back included). */
export function StatsStrip({ snapshot }: { snapshot: SessionSnapshot | null }) {
  const s = snapshot?.stats;
  const t = snapshot?.totals;
  return (
    <dl className="stats" data-testid="stats">
      <div>
        <dt>Display</dt>
        <dd data-testid="display-fps">
          {fmt(s?.displayFps, 0)} fps <small>of {fmt(s?.sourceFps, 0)}</small>
        </dd>
      </div>
      <div>
        <dt>Inference</dt>
        <dd data-testid="inference-fps">{fmt(s?.inferenceFps, 0)} fps</dd>
      </div>
      <div>
        <dt>Model</dt>
        <dd data-testid="model-ms">{fmt(s?.modelMsP50)} ms</dd>
      </div>
      <div>
        <dt>End to end</dt>
        <dd data-testid="e2e-ms">{fmt(s?.endToEndMsP50)} ms</dd>
      </div>
      <div>
        <dt>Frames / inferences</dt>
        <dd data-testid="counts">
          {t?.frames ?? 0} / {t?.inferences ?? 0}
        </dd>
      </div>
    </dl>
  );
}
