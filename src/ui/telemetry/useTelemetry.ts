import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FrameEvent } from '../../core/frameEvent';
import { expectedInferenceRate, tierMix } from '../../core/guard/expectedInferenceRate';
import { isPriced } from '../../core/pricing/catalogSchema';
import { StreamFps } from '../../core/pricing/StreamFps';
import type { LiveSession, SessionSnapshot } from '../../engine/session/LiveSession';
import { installId } from '../../telemetry/installId';
import { newCarry, SessionTelemetry, type TelemetryStatus } from '../../telemetry/SessionTelemetry';
import { trackTelemetry } from '../../telemetry/telemetryProbe';
import {
  loadTelemetrySettings,
  saveTelemetrySettings,
  type TelemetrySettings,
} from '../../telemetry/telemetrySettings';
import { ARTICLE_SCENARIO } from '../cost/scenarioForm';

const storage = () => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

export interface TelemetryControl {
  settings: TelemetrySettings;
  update: (patch: Partial<TelemetrySettings>) => void;
  /** Null while telemetry is off. */
  status: TelemetryStatus | null;
  exportNow: () => Promise<void>;
}

/**
 * Runs the session's fleet telemetry while the switch is on, with the persisted settings. Nothing is set up, and
 * nothing is sent, while it is off. A change of endpoint, interval, sampling or backend restarts the exporter after
 * a last export, and the new one goes on from where the old one stopped (one carry per session).
 */
export function useTelemetry(
  session: LiveSession | null,
  snapshot: SessionSnapshot | null,
): TelemetryControl {
  const [settings, setSettings] = useState(() => loadTelemetrySettings(storage()));
  const [telemetry, setTelemetry] = useState<SessionTelemetry | null>(null);
  const latest = useRef(snapshot);
  latest.current = snapshot;
  // Priced at the cost panel's rate: the same rule (StreamFps), fed the same 4 Hz snapshots.
  const [streamFps] = useState(() => new StreamFps());
  streamFps.update(snapshot?.stats.sourceFps ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one carry per session
  const carry = useMemo(() => newCarry(), [session]);

  const update = useCallback((patch: Partial<TelemetrySettings>) => {
    setSettings((s) => {
      const next = { ...s, ...patch };
      saveTelemetrySettings(storage(), next);
      return next;
    });
  }, []);

  const runtime = snapshot?.segmenter?.runtime ?? 'unknown';
  const backend = snapshot?.segmenter?.backend ?? 'unknown';
  const { enabled, endpoint, intervalS, logSampling, feature } = settings;
  useEffect(() => {
    if (!session || !enabled) return;
    const read = (recent: readonly FrameEvent[]) => {
      const snap = latest.current;
      const byId = new Map(session.meter.catalog.map((e) => [e.id, e]));
      const entries = session.meter.selectedIds.flatMap((id) => byId.get(id) ?? []).filter(isPriced);
      const gate = snap?.gate;
      const rateFps = snap?.stats.sourceFps ?? 30;
      return {
        pricing: { entries, fps: streamFps.fps, frameBytes: Number(ARTICLE_SCENARIO.frameBytes) },
        mode: session.store.events.at(-1)?.mode ?? null,
        policy: gate?.policy ?? 'target',
        budget: snap?.budget?.state ?? null,
        expectedPerMinute:
          gate && recent.length > 0
            ? expectedInferenceRate(gate.settings, rateFps, {
                policy: gate.policy,
                mix: tierMix(recent, gate.settings),
              }).expectedPerMinute
            : null,
      };
    };
    const t = new SessionTelemetry(
      {
        store: session.store,
        sessionId: session.sessionId,
        installId: installId(storage()),
        runtime,
        backend,
        read,
      },
      { enabled, endpoint, intervalS, logSampling, feature },
      carry,
    );
    const stop = trackTelemetry(session.store, t);
    setTelemetry(t);
    return () => {
      setTelemetry(null);
      stop();
    };
  }, [session, carry, streamFps, enabled, endpoint, intervalS, logSampling, feature, runtime, backend]);

  // One notice per run of failures, in the session's notices (the live view's own place for them).
  const status = telemetry?.status ?? null;
  const noticed = useRef(false);
  const failing = status?.metrics.notice ?? false;
  useEffect(() => {
    if (failing && !noticed.current && status) {
      const { consecutiveFailures: failures, lastError: error } = status.metrics;
      session?.notify('warning', { code: 'telemetry-failing', params: { failures, error } });
    }
    noticed.current = failing;
  }, [failing, session, status]);

  const exportNow = useCallback(async () => {
    await telemetry?.flush();
  }, [telemetry]);

  return { settings, update, status, exportNow };
}
