import type { Notice } from '../core/notice';
import { noticeText } from './noticeText';

/** Messages about bad input and fallbacks; the app keeps running underneath them. */
export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: number) => void }) {
  if (notices.length === 0) return null;
  return (
    <ul className="notices" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <li key={n.id} className={`notice ${n.level}`}>
          <span role={n.level === 'error' ? 'alert' : 'status'}>{noticeText(n)}</span>
          <button type="button" aria-label="Dismiss" onClick={() => onDismiss(n.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
