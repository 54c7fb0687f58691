import { memo } from 'react';
import type { CatalogEntry } from '../../core/pricing/catalogSchema';
import type { DeviceTime } from '../../core/pricing/EventSeries';
import { formatCount, formatPct, formatUSD } from '../../core/pricing/formatUSD';
import type { LiveCostFigures } from '../../core/pricing/liveCostFigures';
import { marginalPrice } from '../../core/pricing/tieredPrice';
import { PriceSource } from './PriceSource';
import { unitLabel } from './unitLabel';

interface Props {
  entries: readonly CatalogEntry[];
  /** The session's figures, computed once for the headline and this panel (liveCostFigures). */
  figures: LiveCostFigures;
  /** Billed units per month of each entry under the projection, for the marginal price. */
  projectedUnitsById: Readonly<Record<string, number>>;
  device: DeviceTime;
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

/**
 * The as-if cost of this session: one compact row per selected entry (entry, adaptive, every frame, saved), its
 * details on expand. Memoised on the figures, so the 4 Hz tick only re-renders it when the counts moved.
 */
export const LiveMeter = memo(function LiveMeter({ entries, figures, projectedUnitsById, device }: Props) {
  const meanModelMs = device.timed > 0 ? device.modelMsTotal / device.timed : null;
  const meanLatencyMs = device.timed > 0 ? device.latencyMsTotal / device.timed : null;

  return (
    <div className="meter-rows" data-testid="meter-rows">
      <div className="meter-head" aria-hidden="true">
        <span>Entry</span>
        <span>Adaptive</span>
        <span>Every frame</span>
        <span>Saved</span>
      </div>
      <details className="meter-row on-device" data-testid="meter-on-device">
        <summary>
          <span className="meter-entry">On this device</span>
          <span>
            <span className="sr-only">adaptive </span>
            <span data-testid="ran-usd">{formatUSD(0)}</span>
          </span>
          <span>
            <span className="sr-only">every frame </span>
            {formatUSD(0)}
          </span>
          <span>
            <span className="sr-only">inferences </span>
            <span data-testid="inferences">{formatCount(figures.inferences)}</span> inf.
          </span>
        </summary>
        <dl>
          <Figure
            label="Device time (model)"
            value={`${formatCount(device.modelMsTotal / 1000, 1)} s`}
            testId="device-model-s"
          />
          <Figure
            label="Model, per inference"
            value={meanModelMs === null ? '–' : `${meanModelMs.toFixed(1)} ms`}
            testId="device-model-ms"
          />
          <Figure
            label="End to end, per inference"
            value={meanLatencyMs === null ? '–' : `${meanLatencyMs.toFixed(1)} ms`}
            testId="device-latency-ms"
          />
        </dl>
        <p className="hint small">$0 per inference: the model runs on this device.</p>
      </details>
      {entries.map((entry, i) => {
        const p = figures.prices[i];
        if (!p) return null;
        const projected = projectedUnitsById[entry.id];
        const marginal = projected === undefined ? null : marginalPrice(entry.tiers, projected);
        const nowPrice = marginalPrice(entry.tiers, p.ranUnits);
        const month = figures.monthly[entry.id];
        return (
          <details key={entry.id} className="meter-row" data-testid={`meter-${entry.id}`}>
            <summary>
              <span className="meter-entry" title={`${entry.provider} ${entry.product}`}>
                {entry.id}
              </span>
              {p.ranUSD === null ? (
                <span className="no-price" data-testid="ran-usd">
                  no public price
                </span>
              ) : (
                <>
                  <span>
                    <span className="sr-only">adaptive </span>
                    <span data-testid="ran-usd">{formatUSD(p.ranUSD)}</span>
                  </span>
                  <span>
                    <span className="sr-only">every frame </span>
                    <span data-testid="every-usd">{formatUSD(p.everyFrameUSD)}</span>
                  </span>
                  <span>
                    <span className="sr-only">saved </span>
                    <span data-testid="saving-usd">{formatUSD(p.savingUSD)}</span>{' '}
                    <small data-testid="saving-pct">{formatPct(p.savingPct)}</small>
                  </span>
                </>
              )}
            </summary>
            <p className="unit-price" data-testid="unit-price">
              {nowPrice === null ? 'no public price' : `${formatUSD(nowPrice)} / ${unitLabel(entry.unit)}`}
            </p>
            {p.ranUSD !== null && (
              <dl>
                <Figure
                  label={`Adaptive, ${unitLabel(entry.unit, true)}`}
                  value={formatCount(p.ranUnits)}
                  testId="ran-units"
                />
                <Figure
                  label="Every frame, units"
                  value={formatCount(p.everyFrameUnits)}
                  testId="every-units"
                />
                <Figure label="Per session" value={formatUSD(p.perSessionUSD)} testId="per-session-usd" />
                <Figure label="Per minute" value={formatUSD(p.perMinuteUSD)} testId="per-minute-usd" />
                <Figure
                  label="Per 1,000 frames"
                  value={formatUSD(p.perThousandFramesUSD)}
                  testId="per-1k-usd"
                />
                <Figure
                  label={`Marginal at ${formatCount(projected ?? null, 0)} ${unitLabel(entry.unit, true)}/mo`}
                  value={marginal === null ? '–' : `${formatUSD(marginal)} / ${unitLabel(entry.unit)}`}
                  testId="marginal-usd"
                />
                <Figure
                  label="Saved a month at this ratio"
                  value={month ? formatUSD(month.savingUSD) : '–'}
                  testId="month-saving-usd"
                />
              </dl>
            )}
            {entry.rounding === 'ceil-per-session' && (
              <p className="hint small">Rounded up per session, as billed.</p>
            )}
            <p className="small">
              {entry.provider} {entry.product}. <PriceSource entry={entry} />
            </p>
          </details>
        );
      })}
    </div>
  );
});
