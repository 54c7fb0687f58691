import { type ChangeEvent, memo, useState } from 'react';
import { type Catalog, type CatalogEntry, parseCatalog } from '../../core/pricing/catalogSchema';
import { downloadJson } from '../downloadJson';
import { ScrollRegion } from '../layout/ScrollRegion';
import { EntryForm } from './EntryForm';
import { PriceSource } from './PriceSource';
import { tierSummary } from './unitLabel';

interface Props {
  catalog: Catalog;
  /** A new, valid catalog; `renamed` maps an edited entry's old id to its new one. */
  onChange: (next: Catalog, renamed?: { from: string; to: string }) => void;
  onReset: () => void;
}

interface Problem {
  title: string;
  errors: string[];
}

/** Editing state: the index of the entry in the form, or "new". */
type Editing = number | 'new' | null;

/**
 * Read, edit, extend, import and export the catalog. Every change goes through parseCatalog as a whole catalog: when
 * it fails, every bad field is listed and the previous catalog stays in use.
 */
export const CatalogEditor = memo(function CatalogEditor({ catalog, onChange, onReset }: Props) {
  const [editing, setEditing] = useState<Editing>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const accept = (candidate: unknown, what: string, done: string, renamed?: { from: string; to: string }) => {
    const parsed = parseCatalog(candidate);
    if (!parsed.ok) {
      setMessage(null);
      setProblem({
        title: `${what}: ${parsed.errors.length} problem${parsed.errors.length === 1 ? '' : 's'}. The previous catalog is still in use.`,
        errors: parsed.errors,
      });
      return false;
    }
    setProblem(null);
    setMessage(done);
    onChange(parsed.value, renamed);
    return true;
  };

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // so picking the same file again fires change
    if (!file) return;
    const text = await file.text();
    accept(text, `${file.name} was not imported`, `Imported ${file.name}.`);
  };

  const onExport = () => downloadJson('segmeter-catalog.json', catalog);

  const onSubmitEntry = (raw: Record<string, unknown>) => {
    const index = editing === 'new' || editing === null ? catalog.length : editing;
    const candidate: unknown[] = [...catalog];
    candidate[index] = raw;
    const old = typeof editing === 'number' ? catalog[editing]?.id : undefined;
    const renamed =
      old !== undefined && typeof raw.id === 'string' && raw.id !== old
        ? { from: old, to: raw.id }
        : undefined;
    const what =
      editing === 'new' ? 'The new entry was not added' : `The edit of ${old ?? 'the entry'} was not saved`;
    if (
      accept(
        candidate,
        what,
        editing === 'new' ? `Added ${String(raw.id)}.` : `Saved ${String(raw.id)}.`,
        renamed,
      )
    )
      setEditing(null);
  };

  const remove = (entry: CatalogEntry) => {
    accept(
      catalog.filter((e) => e !== entry),
      'Not removed',
      `Removed ${entry.id}.`,
    );
  };

  return (
    <section className="cost-section" aria-labelledby="catalog-heading">
      <h3 id="catalog-heading">Pricing catalog</h3>
      <p className="hint small">
        {catalog.length} entries, each with its source, the date it was seen and a confidence. Entries without
        tiers have no public price.
      </p>
      <div className="button-row">
        <label className="button">
          Import JSON…
          <input
            type="file"
            accept=".json,application/json"
            className="sr-only"
            data-testid="catalog-import"
            onChange={(e) => void onImport(e)}
          />
        </label>
        <button type="button" onClick={onExport} data-testid="catalog-export">
          Export JSON
        </button>
        <button
          type="button"
          onClick={() => {
            setProblem(null);
            setEditing('new');
          }}
        >
          Add entry
        </button>
        <button
          type="button"
          onClick={() => {
            setProblem(null);
            setEditing(null);
            setMessage('Default catalog restored.');
            onReset();
          }}
        >
          Reset to default
        </button>
      </div>
      {message && (
        <p className="hint" role="status" data-testid="catalog-message">
          {message}
        </p>
      )}
      {problem && (
        <div className="errors" role="alert" data-testid="catalog-errors">
          <p>{problem.title}</p>
          <ul>
            {problem.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {editing !== null && (
        <EntryForm
          key={String(editing)}
          entry={editing === 'new' ? null : (catalog[editing] ?? null)}
          onSubmit={onSubmitEntry}
          onCancel={() => {
            setEditing(null);
            setProblem(null);
          }}
        />
      )}
      <details className="catalog-details">
        <summary>Entries ({catalog.length})</summary>
        <ScrollRegion label="Pricing catalog entries">
          <table className="cost-table catalog-table" data-testid="catalog-table">
            <caption className="sr-only">Pricing catalog</caption>
            <thead>
              <tr>
                <th scope="col">Entry</th>
                <th scope="col">Unit</th>
                <th scope="col">Price</th>
                <th scope="col">Source</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {catalog.map((entry, i) => (
                <tr key={entry.id} data-testid={`catalog-${entry.id}`}>
                  <th scope="row" title={entry.product}>
                    {entry.id}
                    <br />
                    <span className="hint">{entry.provider}</span>
                  </th>
                  <td>
                    {entry.unit}
                    {entry.throughputFps === undefined ? '' : ` @ ${entry.throughputFps} fps`}
                    {entry.rounding === 'ceil-per-session' ? ', ceil/session' : ''}
                  </td>
                  <td className={entry.tiers.length === 0 ? 'no-price' : undefined}>{tierSummary(entry)}</td>
                  <td>
                    <PriceSource entry={entry} />
                  </td>
                  <td>
                    <div className="row-actions">
                      <button type="button" aria-label={`Edit ${entry.id}`} onClick={() => setEditing(i)}>
                        Edit
                      </button>
                      <button type="button" aria-label={`Remove ${entry.id}`} onClick={() => remove(entry)}>
                        ×
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </details>
    </section>
  );
});
