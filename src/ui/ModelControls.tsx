import type { BackendChoice } from '../engine/segmenter/segmenterTypes';
import type { LiveSession, SessionSnapshot } from '../engine/session/LiveSession';

interface Props {
  session: LiveSession | null;
  snapshot: SessionSnapshot | null;
}

const BACKENDS: BackendChoice[] = ['auto', 'wasm', 'webgl', 'webgpu', 'cpu'];

/** Tried in Chromium: the solution's own worker branch loads its model file with importScripts, so it cannot start. */
const MEDIAPIPE_MAIN_THREAD =
  'The MediaPipe runtime runs on the main thread, so a slow inference can hold up the video: its solution ' +
  '(@mediapipe/selfie_segmentation) cannot start in a worker, where it tries to load its .tflite model as a script.';

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
      {!tfjs && (
        <p className="hint" data-testid="mediapipe-main-thread">
          {MEDIAPIPE_MAIN_THREAD}
        </p>
      )}
      {snapshot && (
        <p className="hint" data-testid="compositor-info">
          {snapshot.compositor === 'worker'
            ? 'Compositing in a worker (OffscreenCanvas): the main thread only posts frames.'
            : 'Compositing on the main thread.'}
        </p>
      )}
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
