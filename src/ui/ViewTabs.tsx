import { useCallback, useEffect, useState } from 'react';
import './views.css';

export const VIEWS = ['live', 'sweep', 'report'] as const;
export type View = (typeof VIEWS)[number];
const LABELS: Record<View, string> = { live: 'Live', sweep: 'Sweep', report: 'Report' };

/** The view named by `?view=`; Live when absent or unknown. */
export function readView(search: string): View {
  const v = new URLSearchParams(search).get('view');
  return (VIEWS as readonly string[]).includes(v ?? '') ? (v as View) : 'live';
}

/**
 * The current view, kept in `?view=` so a link (a report, a sweep) opens where it was shared from; back/forward
 * switch views. Other query parameters (backend, a report's scenario) are kept.
 */
export function useView(): [View, (view: View) => void] {
  const [view, setViewState] = useState<View>(() => readView(location.search));
  useEffect(() => {
    const onPop = () => setViewState(readView(location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const setView = useCallback((next: View) => {
    const params = new URLSearchParams(location.search);
    if (next === 'live') params.delete('view');
    else params.set('view', next);
    const query = params.toString();
    history.pushState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
    setViewState(next);
  }, []);
  return [view, setView];
}

/** The view panel ids the tabs control: `view-live`, `view-sweep`, `view-report`. */
export const viewPanelId = (view: View) => `view-${view}`;

/** Live | Sweep | Report. The live session runs under every tab; only what is shown changes. */
export function ViewTabs({ view, onChange }: { view: View; onChange: (view: View) => void }) {
  const onKeyDown = (event: React.KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = VIEWS[(VIEWS.indexOf(view) + step + VIEWS.length) % VIEWS.length];
    onChange(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div className="view-tabs" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
      {VIEWS.map((v) => (
        <button
          key={v}
          id={`tab-${v}`}
          type="button"
          role="tab"
          aria-selected={view === v}
          aria-controls={viewPanelId(v)}
          tabIndex={view === v ? 0 : -1}
          data-testid={`tab-${v}`}
          onClick={() => onChange(v)}
        >
          {LABELS[v]}
        </button>
      ))}
    </div>
  );
}
