import { type FormEvent, useId, useState } from 'react';
import type { SegmentationMode } from '../../core/frameEvent';
import type { BudgetView } from '../../core/guard/BudgetGuard';
import {
  BUDGET_PERIODS,
  type BudgetConfig,
  type BudgetPeriod,
  DEFAULT_SOFT_AT,
  parseBudget,
} from '../../core/guard/parseBudget';
import type { RunawayTrip } from '../../core/guard/RunawayGuard';
import { type Catalog, isPriced } from '../../core/pricing/catalogSchema';
import { formatUSD } from '../../core/pricing/formatUSD';
import type { LiveSession, SessionSnapshot } from '../../engine/session/LiveSession';
import './observability.css';

interface Props {
  session: LiveSession | null;
  snapshot: SessionSnapshot | null;
  /** The catalog the budget is priced from (the cost panel's active catalog). */
  catalog: Catalog;
  /** The engine's BudgetGuard.view() taken on the snapshot tick; null while no budget is set. */
  budget: BudgetView | null;
  /** The engine's RunawayGuard.trip; null while inference is allowed. */
  runaway: RunawayTrip | null;
  /** Set (or replace) the budget: the engine (re)creates its BudgetGuard with it. */
  onApply: (config: BudgetConfig) => void;
  /** "Raise budget": the engine calls BudgetGuard.raise(limitUSD). */
  onRaise: (limitUSD: number) => void;
  /** Remove the budget altogether. */
  onClear: () => void;
  /** "Simulate runaway": the engine starts asking for inference many times per frame (the injected bug). */
  onSimulateRunaway: () => void;
  /** Re-enable inference after a runaway trip: the engine stops the simulated bug and calls RunawayGuard.reset(). */
  onResetRunaway: () => void;
}

const STATE_LABEL = { ok: 'Within budget', soft: 'Soft limit: cost-saver mode', hard: 'Hard limit: paused' };

/**
 * A spending limit on one catalog entry with its soft share, and the guard's state: spend against the limit, the
 * segmentation mode, every mode change with its reason. It only asks the engine to act through its callbacks.
 */
export function BudgetPanel({
  session,
  snapshot,
  catalog,
  budget,
  runaway,
  onApply,
  onRaise,
  onClear,
  onSimulateRunaway,
  onResetRunaway,
}: Props) {
  const priced = catalog.filter(isPriced);
  const [catalogId, setCatalogId] = useState(budget?.config.catalogId ?? priced[0]?.id ?? '');
  const [limit, setLimit] = useState(String(budget?.config.limitUSD ?? 0.5));
  const [softPct, setSoftPct] = useState(
    String(Math.round((budget?.config.softAt ?? DEFAULT_SOFT_AT) * 100)),
  );
  const [period, setPeriod] = useState<BudgetPeriod>(budget?.config.period ?? 'session');
  const [raiseTo, setRaiseTo] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const id = useId();

  // The mode the last frame ran in; the snapshot is the tick that refreshes it.
  const mode: SegmentationMode | null = snapshot ? (session?.store.events.at(-1)?.mode ?? null) : null;

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseBudget(
      { catalogId, limitUSD: Number(limit), softAt: Number(softPct) / 100, period },
      catalog,
    );
    if (!parsed.ok) {
      setErrors(
        parsed.errors.map((m) => m.replace(/^softAt: must be a number in \(0, 1\]/, 'Soft %: 1 to 100')),
      );
      return;
    }
    setErrors([]);
    onApply(parsed.value);
  };

  const suggestedRaise = budget ? budget.config.limitUSD * 2 : 0;
  const raise = () => {
    const value = raiseTo.trim() === '' ? suggestedRaise : Number(raiseTo);
    if (!(value > 0) || !Number.isFinite(value)) {
      setErrors(['New limit: must be a number > 0']);
      return;
    }
    setErrors([]);
    setRaiseTo('');
    onRaise(value);
  };

  return (
    <section className="panel obs-panel" aria-labelledby={`${id}-heading`} data-testid="budget-panel">
      <h2 id={`${id}-heading`}>Budget</h2>
      <form onSubmit={apply} className="obs-filters">
        <label>
          Catalog entry
          <select value={catalogId} onChange={(e) => setCatalogId(e.target.value)} data-testid="budget-entry">
            {priced.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Limit (USD)
          <input
            type="number"
            min="0"
            step="any"
            inputMode="decimal"
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
            data-testid="budget-limit"
          />
        </label>
        <label>
          Period
          <select
            value={period}
            onChange={(e) => setPeriod(e.target.value as BudgetPeriod)}
            data-testid="budget-period"
          >
            {BUDGET_PERIODS.map((p) => (
              <option key={p} value={p}>
                {p === 'session'
                  ? 'this session'
                  : p === 'day'
                    ? 'today (all sessions)'
                    : 'this month (all sessions)'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Soft limit (%)
          <input
            type="number"
            min="1"
            max="100"
            step="1"
            value={softPct}
            onChange={(e) => setSoftPct(e.target.value)}
            data-testid="budget-soft"
          />
        </label>
        <div className="button-row">
          <button type="submit">{budget ? 'Update budget' : 'Set budget'}</button>
          {budget && (
            <button type="button" onClick={onClear}>
              Remove budget
            </button>
          )}
        </div>
      </form>
      {errors.length > 0 && (
        <ul className="obs-errors" role="alert">
          {errors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}

      {budget && (
        <div data-testid="budget-status">
          <p>
            <span
              className={`budget-state ${budget.state}`}
              data-testid="budget-state"
              data-state={budget.state}
            >
              {STATE_LABEL[budget.state]}
            </span>{' '}
            Mode: <strong data-testid="budget-mode">{mode ?? '–'}</strong>
          </p>
          <label>
            <span>
              {formatUSD(budget.spentUSD)} of {formatUSD(budget.config.limitUSD)}{' '}
              {budget.config.period === 'session'
                ? 'this session'
                : budget.config.period === 'day'
                  ? 'today'
                  : 'this month'}{' '}
              on {budget.config.catalogId} ({(budget.fraction * 100).toFixed(1)}%, soft at{' '}
              {Math.round(budget.config.softAt * 100)}%)
            </span>
            <progress
              className="budget-progress"
              max={1}
              value={Math.min(1, budget.fraction)}
              data-testid="budget-progress"
            />
          </label>
          {budget.state === 'hard' && (
            <p role="status" className="obs-over" data-testid="budget-paused">
              Segmentation paused: budget reached. The last mask stays in use.
            </p>
          )}
          <div className="obs-filters">
            <label>
              New limit (USD)
              <input
                type="number"
                min="0"
                step="any"
                inputMode="decimal"
                placeholder={String(suggestedRaise)}
                value={raiseTo}
                onChange={(e) => setRaiseTo(e.target.value)}
                data-testid="budget-raise-to"
              />
            </label>
            <button type="button" onClick={raise} data-testid="budget-raise">
              Raise budget
            </button>
          </div>
          {budget.changes.length > 0 && (
            <details>
              <summary>{budget.changes.length} mode changes</summary>
              <ol className="hint" data-testid="budget-changes">
                {budget.changes.map((c) => (
                  <li key={`${c.frame}-${c.from}-${c.to}-${c.limitUSD}`}>
                    frame {c.frame}: {c.reason}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </div>
      )}

      <h3>Runaway guard</h3>
      {runaway ? (
        <p role="alert" className="obs-over" data-testid="runaway-tripped">
          {runaway.reason} (frame {runaway.frame}, {runaway.mediaTime.toFixed(2)} s)
        </p>
      ) : (
        <p className="hint" data-testid="runaway-ok">
          Armed: inference is cut off if a frame asks for it more than twice.
        </p>
      )}
      <div className="button-row">
        <button
          type="button"
          onClick={onSimulateRunaway}
          disabled={runaway !== null}
          data-testid="simulate-runaway"
        >
          Simulate runaway
        </button>
        {runaway && (
          <button type="button" onClick={onResetRunaway} data-testid="reset-runaway">
            Re-enable inference
          </button>
        )}
      </div>
    </section>
  );
}
