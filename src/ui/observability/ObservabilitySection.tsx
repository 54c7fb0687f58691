import { useMemo } from 'react';
import { DEFAULT_SOURCE_FPS } from '../../core/fold/sourceFps';
import type { CloudProfile } from '../../core/guard/cloudOutcome';
import type { LiveSession, SessionSnapshot } from '../../engine/session/LiveSession';
import { ErrorBoundary } from '../ErrorBoundary';
import { Disclosure } from '../layout/Disclosure';
import { TelemetryPanel } from '../telemetry/TelemetryPanel';
import { useTelemetry } from '../telemetry/useTelemetry';
import { AggregatePanel } from './AggregatePanel';
import { BudgetPanel } from './BudgetPanel';
import { LogPanel } from './LogPanel';
import { MetricsPanel } from './MetricsPanel';

interface Props {
  session: LiveSession | null;
  snapshot: SessionSnapshot | null;
}

/** Network profiles for the simulated cloud path (the testing matrix's network rows). */
const CLOUD_PROFILES: Record<string, CloudProfile> = {
  good: { latencyMs: 80, jitterMs: 20, failureRate: 0, timeoutMs: 1000 },
  slow: { latencyMs: 700, jitterMs: 300, failureRate: 0.05, timeoutMs: 1500 },
  flaky: { latencyMs: 300, jitterMs: 200, failureRate: 0.3, timeoutMs: 800 },
};

/** Budget guard, metrics, the per-frame log, the simulated cloud path and every open tab's totals. */
export function ObservabilitySection({ session, snapshot }: Props) {
  const telemetry = useTelemetry(session, snapshot);
  const catalog = session?.meter.catalog;
  const ids = session?.meter.selectedIds;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the session's catalog and selection are read on each tick
  const entries = useMemo(() => {
    if (!catalog) return [];
    const byId = new Map(catalog.map((e) => [e.id, e]));
    return (ids ?? []).flatMap((id) => byId.get(id) ?? []);
  }, [catalog, ids, snapshot]);
  const cloud = snapshot?.cloud;
  const cloudName = cloud
    ? (Object.entries(CLOUD_PROFILES).find(([, p]) => p === cloud.profile)?.[0] ?? 'custom')
    : 'off';

  return (
    <section className="observability" aria-label="Cost control and observability">
      <Disclosure
        id="guards"
        title="Inference path, budget and guards"
        summary={
          snapshot?.budget
            ? `budget ${snapshot.budget.state}`
            : cloudName === 'off'
              ? 'on this device'
              : cloudName
        }
        className="wide"
      >
        <div className="guards-grid">
          <fieldset className="panel">
            <legend>Inference path</legend>
            <label>
              Where frames are segmented
              <select
                value={cloudName}
                disabled={!session}
                onChange={(e) => session?.setCloud(CLOUD_PROFILES[e.currentTarget.value] ?? null)}
              >
                <option value="off">on this device</option>
                <option value="good">cloud (simulated): good network</option>
                <option value="slow">cloud (simulated): low bandwidth / high latency</option>
                <option value="flaky">cloud (simulated): failing</option>
              </select>
            </label>
            <p className="hint" data-testid="cloud-status">
              {cloud
                ? `${cloud.degraded ? `Degraded: ${cloud.reason}` : 'Healthy'}; ${cloud.sent} sent, ${cloud.failed} failed, ${cloud.timedOut} timed out (never retried)`
                : 'Frames never leave this device.'}
            </p>
            <p className="hint" data-testid="segmentation-mode">
              Segmentation mode: {snapshot?.mode ?? 'full'}
            </p>
            <label>
              While segmentation is paused, show
              <select
                value={snapshot?.pausedFallback ?? 'last-mask'}
                disabled={!session}
                onChange={(e) =>
                  session?.setPausedFallback(
                    e.currentTarget.value === 'full-blur' ? 'full-blur' : 'last-mask',
                  )
                }
              >
                <option value="last-mask">the last mask</option>
                <option value="full-blur">a plain full-frame blur</option>
              </select>
            </label>
          </fieldset>
          {session && catalog && (
            <ErrorBoundary name="The budget panel">
              <BudgetPanel
                session={session}
                snapshot={snapshot}
                catalog={catalog}
                budget={snapshot?.budget ?? null}
                runaway={snapshot?.runaway ?? null}
                onApply={(config) => session.setBudget(config)}
                onRaise={(limit) => session.raiseBudget(limit)}
                onClear={() => session.setBudget(null)}
                onSimulateRunaway={() => session.simulateRunaway()}
                onResetRunaway={() => session.resetRunaway()}
              />
            </ErrorBoundary>
          )}
        </div>
      </Disclosure>
      <Disclosure id="metrics" title="Metrics">
        <ErrorBoundary name="The metrics panel">
          <MetricsPanel session={session} snapshot={snapshot} entries={entries} />
        </ErrorBoundary>
      </Disclosure>
      <Disclosure id="sessions" title="Sessions in this browser" className="wide">
        <ErrorBoundary name="The sessions panel">
          <AggregatePanel broadcast={session?.broadcast ?? null} snapshot={snapshot} />
        </ErrorBoundary>
      </Disclosure>
      <Disclosure id="telemetry" title="Fleet telemetry (OpenTelemetry)" className="wide">
        <TelemetryPanel control={telemetry} />
      </Disclosure>
      <Disclosure id="log" title="Frame log" className="wide">
        <ErrorBoundary name="The frame log">
          <LogPanel
            session={session}
            snapshot={snapshot}
            entries={entries}
            fps={snapshot?.stats.sourceFps ?? DEFAULT_SOURCE_FPS}
          />
        </ErrorBoundary>
      </Disclosure>
    </section>
  );
}
