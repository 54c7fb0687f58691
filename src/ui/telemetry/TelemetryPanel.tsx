import { useId } from 'react';
import type { ExportStatus } from '../../telemetry/ExportQueue';
import { MAX_INTERVAL_S, MIN_INTERVAL_S } from '../../telemetry/telemetrySettings';
import type { TelemetryControl } from './useTelemetry';
import './telemetry.css';

const time = (ms: number | null) => (ms === null ? 'never' : new Date(ms).toLocaleTimeString());

function StatusLine({ label, s, testId }: { label: string; s: ExportStatus; testId: string }) {
  const state = s.state === 'idle' ? 'nothing sent yet' : s.state === 'ok' ? 'ok' : 'failing';
  return (
    <p className="hint" data-testid={testId} data-state={s.state}>
      {label}: {state}; last export {time(s.lastExportAt)}; {s.sent} sent, {s.queued} queued, {s.dropped}{' '}
      dropped
      {s.lastError !== null && (
        <>
          {' '}
          <span className="telemetry-error" data-testid={`${testId}-error`}>
            Error: {s.lastError}
            {s.retryAt !== null ? `; next try after ${time(s.retryAt)}` : ''}
          </span>
        </>
      )}
    </p>
  );
}

/**
 * Fleet telemetry: off by default, one switch. While off nothing is set up and nothing leaves the page; while on,
 * the session's metrics (and sampled inference logs) go over OTLP/HTTP JSON to the endpoint, by default this origin's
 * /otlp, which the server forwards to an OpenTelemetry Collector.
 */
export function TelemetryPanel({ control }: { control: TelemetryControl }) {
  const id = useId();
  const { settings, update, status, exportNow } = control;
  return (
    <section
      className="panel obs-panel telemetry-panel"
      aria-labelledby={`${id}-heading`}
      data-testid="telemetry-panel"
    >
      <h2 id={`${id}-heading`}>Fleet telemetry</h2>
      <label className="telemetry-switch">
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => update({ enabled: e.currentTarget.checked })}
          data-testid="telemetry-enabled"
        />
        Send this session's metrics over OpenTelemetry (OTLP)
      </label>
      <div className="obs-filters">
        <label>
          Endpoint
          <input
            type="text"
            defaultValue={settings.endpoint}
            onBlur={(e) => update({ endpoint: e.currentTarget.value.trim() || '/otlp' })}
            data-testid="telemetry-endpoint"
            spellCheck={false}
          />
        </label>
        <label>
          Every (s)
          <input
            type="number"
            min={MIN_INTERVAL_S}
            max={MAX_INTERVAL_S}
            defaultValue={settings.intervalS}
            onBlur={(e) => {
              const v = Number(e.currentTarget.value);
              if (v >= MIN_INTERVAL_S && v <= MAX_INTERVAL_S) update({ intervalS: v });
            }}
            data-testid="telemetry-interval"
          />
        </label>
        <label>
          Inference logs (% sampled)
          <input
            type="number"
            min={0}
            max={100}
            defaultValue={settings.logSampling * 100}
            onBlur={(e) => {
              const v = Number(e.currentTarget.value);
              if (v >= 0 && v <= 100) update({ logSampling: v / 100 });
            }}
            data-testid="telemetry-sampling"
          />
        </label>
        <label>
          Feature tag
          <input
            type="text"
            defaultValue={settings.feature}
            onBlur={(e) => update({ feature: e.currentTarget.value.trim() || 'segmentation' })}
            data-testid="telemetry-feature"
          />
        </label>
      </div>
      {status === null ? (
        <p className="hint" data-testid="telemetry-status" data-state="off">
          Off: nothing is sent.
        </p>
      ) : (
        <>
          <StatusLine label="Metrics" s={status.metrics} testId="telemetry-status" />
          {status.logs && <StatusLine label="Logs" s={status.logs} testId="telemetry-log-status" />}
          <p className="hint small" data-testid="telemetry-cost">
            {status.exportMs.calls} exports,{' '}
            {status.exportMs.mean === null ? '–' : `${status.exportMs.mean.toFixed(2)} ms`} main thread each
            (mean). Sent to {settings.endpoint}/v1/metrics every {settings.intervalS} s and when the page is
            hidden.
          </p>
          <button type="button" onClick={() => void exportNow()} data-testid="telemetry-export-now">
            Export now
          </button>
        </>
      )}
    </section>
  );
}
