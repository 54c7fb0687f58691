import { useState } from 'react';
import { type CatalogEntry, CONFIDENCE_LEVELS, PRICE_UNITS } from '../../core/pricing/catalogSchema';

interface TierRow {
  upTo: string;
  price: string;
}

interface FormState {
  id: string;
  provider: string;
  product: string;
  unit: string;
  rounding: string;
  throughputFps: string;
  sourceUrl: string;
  seenDate: string;
  confidence: string;
  notes: string;
  tiers: TierRow[];
}

function toForm(entry: CatalogEntry | null): FormState {
  return {
    id: entry?.id ?? '',
    provider: entry?.provider ?? '',
    product: entry?.product ?? '',
    unit: entry?.unit ?? 'image',
    rounding: entry?.rounding ?? 'none',
    throughputFps: entry?.throughputFps === undefined ? '' : String(entry.throughputFps),
    sourceUrl: entry?.sourceUrl ?? '',
    seenDate: entry?.seenDate ?? new Date().toISOString().slice(0, 10),
    confidence: entry?.confidence ?? 'unverified',
    notes: entry?.notes ?? '',
    tiers: (entry?.tiers ?? [{ upToUnitsPerMonth: null, pricePerUnitUSD: 0 }]).map((t) => ({
      upTo: t.upToUnitsPerMonth === null ? '' : String(t.upToUnitsPerMonth),
      price: String(t.pricePerUnitUSD),
    })),
  };
}

/** A typed number, or what was typed when it is not one, so the schema names the field and what it received. */
function numberOrText(text: string): number | string {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/** The form as a raw catalog entry; the catalog schema, not this form, decides whether it is valid. */
function toRaw(f: FormState): Record<string, unknown> {
  const raw: Record<string, unknown> = {
    id: f.id.trim(),
    provider: f.provider.trim(),
    product: f.product.trim(),
    unit: f.unit,
    tiers: f.tiers.map((t) => ({
      upToUnitsPerMonth: t.upTo.trim() === '' ? null : numberOrText(t.upTo),
      pricePerUnitUSD: numberOrText(t.price),
    })),
    rounding: f.rounding,
    sourceUrl: f.sourceUrl.trim(),
    seenDate: f.seenDate,
    confidence: f.confidence,
    notes: f.notes,
  };
  if (f.throughputFps.trim() !== '') raw.throughputFps = numberOrText(f.throughputFps);
  return raw;
}

interface Props {
  /** The entry being edited; null to add one. */
  entry: CatalogEntry | null;
  onSubmit: (raw: Record<string, unknown>) => void;
  onCancel: () => void;
}

/** Edits or adds one catalog entry. Submitting checks the whole catalog; a bad edit changes nothing. */
export function EntryForm({ entry, onSubmit, onCancel }: Props) {
  const [f, setF] = useState<FormState>(() => toForm(entry));
  const set = (key: keyof Omit<FormState, 'tiers'>) => (e: { target: { value: string } }) =>
    setF({ ...f, [key]: e.target.value });
  const setTier = (k: number, key: keyof TierRow, value: string) =>
    setF({ ...f, tiers: f.tiers.map((t, i) => (i === k ? { ...t, [key]: value } : t)) });

  return (
    <form
      className="entry-form"
      noValidate
      aria-label={entry ? `Edit ${entry.id}` : 'New catalog entry'}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(toRaw(f));
      }}
    >
      <h4>{entry ? `Edit ${entry.id}` : 'New entry'}</h4>
      <div className="form-grid">
        <label>
          Id
          <input value={f.id} onChange={set('id')} data-testid="entry-id" />
        </label>
        <label>
          Provider
          <input value={f.provider} onChange={set('provider')} />
        </label>
        <label className="wide">
          Product
          <input value={f.product} onChange={set('product')} />
        </label>
        <label>
          Unit
          <select value={f.unit} onChange={set('unit')}>
            {PRICE_UNITS.map((u) => (
              <option key={u}>{u}</option>
            ))}
          </select>
        </label>
        <label>
          Rounding
          <select value={f.rounding} onChange={set('rounding')}>
            <option value="none">none (prorated)</option>
            <option value="ceil-per-session">ceil-per-session</option>
          </select>
        </label>
        <label>
          Throughput (fps per instance)
          <input type="number" min={0} value={f.throughputFps} onChange={set('throughputFps')} />
        </label>
        <label>
          Confidence
          <select value={f.confidence} onChange={set('confidence')}>
            {CONFIDENCE_LEVELS.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label className="wide">
          Source URL
          <input type="url" value={f.sourceUrl} onChange={set('sourceUrl')} />
        </label>
        <label>
          Seen on
          <input type="date" value={f.seenDate} onChange={set('seenDate')} />
        </label>
      </div>
      <table className="cost-table tiers-table">
        <caption>Tiers (graduated; leave none for "no public price")</caption>
        <thead>
          <tr>
            <th scope="col">Up to units / month (empty = no limit)</th>
            <th scope="col">USD per unit</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {f.tiers.map((t, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: tiers are ordered bands with no identity of their own
            <tr key={k}>
              <td>
                <input
                  type="number"
                  min={0}
                  aria-label={`Tier ${k + 1}: up to units per month`}
                  value={t.upTo}
                  onChange={(e) => setTier(k, 'upTo', e.target.value)}
                />
              </td>
              <td>
                <input
                  type="number"
                  min={0}
                  step="any"
                  aria-label={`Tier ${k + 1}: USD per unit`}
                  value={t.price}
                  onChange={(e) => setTier(k, 'price', e.target.value)}
                />
              </td>
              <td>
                <button
                  type="button"
                  aria-label={`Remove tier ${k + 1}`}
                  onClick={() => setF({ ...f, tiers: f.tiers.filter((_, i) => i !== k) })}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label>
        Notes
        <textarea rows={2} value={f.notes} onChange={set('notes')} />
      </label>
      <div className="button-row">
        <button type="button" onClick={() => setF({ ...f, tiers: [...f.tiers, { upTo: '', price: '' }] })}>
          Add tier
        </button>
        <button type="submit">{entry ? 'Save entry' : 'Add to catalog'}</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
