import { memo } from 'react';
import type { Catalog } from '../../core/pricing/catalogSchema';
import { tierSummary } from './unitLabel';

interface Props {
  catalog: Catalog;
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}

/** Which catalog entries the meter, the charts and the projection compare. */
export const EntryPicker = memo(function EntryPicker({ catalog, selected, onChange }: Props) {
  const chosen = new Set(selected);
  const toggle = (id: string) =>
    // Keep catalog order, so colours and rows do not reshuffle as entries are ticked.
    onChange(catalog.filter((e) => (e.id === id ? !chosen.has(id) : chosen.has(e.id))).map((e) => e.id));
  return (
    <details className="entry-picker" data-testid="entry-picker">
      <summary>
        Comparing {selected.length} of {catalog.length} catalog entries
      </summary>
      <fieldset>
        <legend className="sr-only">Entries to compare</legend>
        {catalog.map((e) => (
          <label key={e.id} className="picker-row">
            <input type="checkbox" checked={chosen.has(e.id)} onChange={() => toggle(e.id)} />
            <span>
              <strong>{e.id}</strong> <span className="hint">{tierSummary(e)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </details>
  );
});
