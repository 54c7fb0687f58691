import { memo, useMemo } from 'react';
import type { CatalogEntry } from '../../core/pricing/catalogSchema';
import type { DeviceTime } from '../../core/pricing/EventSeries';
import { formatCount, formatPct, formatUSD } from '../../core/pricing/formatUSD';
import { priceSession } from '../../core/pricing/priceSession';
import { marginalPrice } from '../../core/pricing/tieredPrice';
import { PriceSource } from './PriceSource';
import { unitLabel } from './unitLabel';

interface Props {
  entries: readonly CatalogEntry[];
  frames: number;
  inferences: number;
  /** Source frame rate the stream's duration is derived from (frames / fps). */
  fps: number;
  /** Billed units per month of each entry under the projection, for the marginal price. */
  projectedUnitsById: Readonly<Record<string, number>>;
  device: DeviceTime;
  /** Bytes each inferred frame would have uploaded, for GB (egress) entries. */
  frameBytes: number;
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
 * The as-if cost of this session for each selected entry. Memoised on the counts, so the 4 Hz snapshot tick only
 * re-renders it when frames or inferences moved.
 */
export const LiveMeter = memo(function LiveMeter({
  entries,
  frames,
  inferences,
  fps,
  projectedUnitsById,
  device,
  frameBytes,
}: Props) {
  const durationSeconds = frames / fps;
  const prices = useMemo(
    () => priceSession(entries, { frames, inferences, durationSeconds, sessions: 1, frameBytes }),
    [entries, frames, inferences, durationSeconds, frameBytes],
  );
  const meanModelMs = device.timed > 0 ? device.modelMsTotal / device.timed : null;
  const meanLatencyMs = device.timed > 0 ? device.latencyMsTotal / device.timed : null;

  return (
    <div className="meter-cards">
      <article className="cost-card on-device" data-testid="meter-on-device" aria-label="On this device">
        <header>
          <h4>On this device</h4>
          <span className="unit-price">$0 per inference</span>
        </header>
        <dl>
          <Figure label="Cost" value={formatUSD(0)} testId="ran-usd" />
          <Figure label="Inferences" value={formatCount(inferences)} testId="inferences" />
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
      </article>
      {entries.map((entry, i) => {
        const p = prices[i];
        if (!p) return null;
        const projected = projectedUnitsById[entry.id];
        const marginal = projected === undefined ? null : marginalPrice(entry.tiers, projected);
        const nowPrice = marginalPrice(entry.tiers, p.ranUnits);
        return (
          <article
            key={entry.id}
            className="cost-card"
            data-testid={`meter-${entry.id}`}
            aria-label={`${entry.provider} ${entry.id}`}
          >
            <header>
              <h4 title={entry.product}>
                {entry.provider} <span className="entry-id">{entry.id}</span>
              </h4>
              <span className="unit-price" data-testid="unit-price">
                {nowPrice === null ? 'no public price' : `${formatUSD(nowPrice)} / ${unitLabel(entry.unit)}`}
              </span>
            </header>
            {p.ranUSD === null ? (
              <p className="no-price" data-testid="ran-usd">
                no public price
              </p>
            ) : (
              <dl>
                <Figure
                  label={`Adaptive (${formatCount(p.ranUnits)} ${unitLabel(entry.unit, true)})`}
                  value={formatUSD(p.ranUSD)}
                  testId="ran-usd"
                />
                <Figure
                  label={`Every frame (${formatCount(p.everyFrameUnits)})`}
                  value={formatUSD(p.everyFrameUSD)}
                  testId="every-usd"
                />
                <Figure
                  label={`Saving (${formatPct(p.savingPct)})`}
                  value={formatUSD(p.savingUSD)}
                  testId="saving-usd"
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
              </dl>
            )}
            {entry.rounding === 'ceil-per-session' && (
              <p className="hint small">Rounded up per session, as billed.</p>
            )}
            <p className="small">
              <PriceSource entry={entry} />
            </p>
          </article>
        );
      })}
    </div>
  );
});
