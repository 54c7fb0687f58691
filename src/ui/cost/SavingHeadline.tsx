import { formatCount, formatPct, formatUSD } from '../../core/pricing/formatUSD';
import { liveMeasuredFigures } from '../../core/report/liveMeasuredFigures';
import type { SessionSnapshot } from '../../engine/session/LiveSession';
import type { CostModel } from './useCostModel';

interface Props {
  snapshot: SessionSnapshot | null;
  model: CostModel;
  /** Opens the Report on these measured figures. */
  onShowInReport: (measured: NonNullable<ReturnType<typeof liveMeasuredFigures>>) => void;
}

/**
 * The point of the app in one glance, beside the stage: this session's frames and inferences, and for one catalog
 * entry what it would have cost adaptive against every frame, the saving in % and in dollars a month at the
 * projection's volume. Reads the same figures as the cost panel (useCostModel -> liveCostFigures).
 */
export function SavingHeadline({ snapshot, model, onShowInReport }: Props) {
  const { figures, headlineId, pricedEntries } = model;
  const index = model.entries.findIndex((e) => e.id === headlineId);
  const price = index >= 0 ? figures.prices[index] : undefined;
  const month = headlineId ? figures.monthly[headlineId] : undefined;
  const live = snapshot
    ? liveMeasuredFigures({
        frames: figures.frames,
        inferences: figures.inferences,
        sourceLabel: snapshot.source?.label ?? null,
        policy: snapshot.gate.policy,
        modelMsP50: snapshot.stats.modelMsP50,
      })
    : null;

  return (
    <section className="headline" aria-labelledby="headline-heading" data-testid="headline">
      <h2 id="headline-heading">This session</h2>
      <p className="headline-counts">
        <strong data-testid="headline-frames">{formatCount(figures.frames)}</strong> frames,{' '}
        <strong data-testid="headline-inferences">{formatCount(figures.inferences)}</strong> inferences
        {figures.ratio === null ? '' : ` (${formatPct(figures.ratio * 100)} of frames)`}
      </p>
      {pricedEntries.length === 0 ? (
        <p className="hint">Select a priced catalog entry in the cost panel to see what skipping saves.</p>
      ) : (
        <>
          <label className="headline-entry">
            As if sent to
            <select
              value={headlineId ?? ''}
              data-testid="headline-entry"
              onChange={(e) => model.setHeadlineId(e.currentTarget.value)}
            >
              {pricedEntries.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.id}
                </option>
              ))}
            </select>
          </label>
          <dl className="headline-figures">
            <div>
              <dt>Adaptive</dt>
              <dd data-testid="headline-adaptive">{formatUSD(price?.ranUSD ?? null)}</dd>
            </div>
            <div>
              <dt>Every frame</dt>
              <dd data-testid="headline-every">{formatUSD(price?.everyFrameUSD ?? null)}</dd>
            </div>
            <div className="headline-saving">
              <dt>Saved</dt>
              <dd>
                <span data-testid="headline-saving-pct">{formatPct(price?.savingPct ?? null)}</span>{' '}
                <small data-testid="headline-saving-usd">{formatUSD(price?.savingUSD ?? null)}</small>
              </dd>
            </div>
          </dl>
          <p className="headline-month" data-testid="headline-month">
            {month && model.projection ? (
              <>
                <strong data-testid="headline-month-saving">{formatUSD(month.savingUSD)}</strong> a month
                saved at the projection's {formatCount(model.projection.framesPerMonth)} frames (
                {formatUSD(month.everyFrameUSD)} every frame, {formatUSD(month.adaptiveUSD)} adaptive).
              </>
            ) : model.projection ? (
              'The monthly saving appears with the first frame.'
            ) : (
              'Fix the monthly projection in the cost panel to see the monthly saving.'
            )}
          </p>
        </>
      )}
      <button
        type="button"
        className="primary"
        disabled={!live}
        data-testid="show-in-report"
        onClick={() => live && onShowInReport(live)}
      >
        Show in report
      </button>
    </section>
  );
}
