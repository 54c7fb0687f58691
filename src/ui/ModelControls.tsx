import type { BackendChoice } from '../engine/segmenter/segmenterTypes';
import type { LiveSession, SessionSnapshot } from '../engine/session/LiveSession';

interface Props {
  session: LiveSession | null;
  snapshot: SessionSnapshot | null;
}

const BACKENDS: BackendChoice[] = ['auto', 'wasm', 'webgl', 'webgpu', 'cpu'];

export function ModelControls({ session, snapshot }: Props) {
  const info = snapshot?.segmenter;
  const timings = snapshot?.backendTimings ?? info?.timings;
  const tfjs = snapshot?.models.find((m) => m.id === snapshot.modelId)?.runtime !== 'mediapipe';
  return (
    <fieldset className="panel">
      <legend>Model</legend>
      <label>
        Model and runtime
        <select
          value={snapshot?.modelId ?? ''}
          disabled={!session || snapshot?.loadingModel}
          onChange={(e) => session?.setModel(e.currentTarget.value)}
        >
          {snapshot?.models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Backend
        <select
          value={snapshot?.backendChoice ?? 'auto'}
          disabled={!session || snapshot?.loadingModel || !tfjs}
          onChange={(e) => session?.setModel(snapshot?.modelId ?? '', e.currentTarget.value as BackendChoice)}
        >
          {BACKENDS.map((b) => (
            <option key={b} value={b}>
              {b === 'auto' ? 'auto (start fast, time all in the background)' : b}
            </option>
          ))}
        </select>
      </label>
      <p className="hint" data-testid="segmenter-info">
        {info
          ? `Running ${info.modelId} on ${info.backend} (${info.where === 'worker' ? 'in a worker' : 'on the main thread'}${info.path ? `, ${info.path} path` : ''})`
          : snapshot?.loadingModel
            ? 'Loading…'
            : 'No model running'}
      </p>
      {snapshot?.backendChoice === 'auto' && !timings && info && (
        <p className="hint" data-testid="backend-timing-pending">
          Timing the other backends in the background; the fastest is switched to and remembered.
        </p>
      )}
      {timings && (
        <table className="timings" data-testid="backend-timings">
          <caption>Auto: background timings (model ms, lower is faster)</caption>
          <tbody>
            {Object.entries(timings).map(([backend, t]) => (
              <tr key={backend} className={backend === info?.backend ? 'picked' : undefined}>
                <th scope="row">{backend}</th>
                <td>{typeof t === 'number' ? `${t.toFixed(1)} ms` : t}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </fieldset>
  );
}
