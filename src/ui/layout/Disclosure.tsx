import { type ReactNode, useState } from 'react';

const KEY_PREFIX = 'segmeter.open.';

/** Whether section `id` was left open in this browser; `fallback` when never toggled or storage is unavailable. */
export function readOpen(id: string, fallback: boolean): boolean {
  try {
    const v = localStorage.getItem(KEY_PREFIX + id);
    return v === null ? fallback : v === '1';
  } catch {
    return fallback;
  }
}

function writeOpen(id: string, open: boolean): void {
  try {
    localStorage.setItem(KEY_PREFIX + id, open ? '1' : '0');
  } catch {
    // Private mode or storage full: the section still opens, it is just not remembered.
  }
}

interface Props {
  /** Stable id: the storage key and the test id (`section-<id>`). */
  id: string;
  title: string;
  /** A few words shown beside the title while closed, e.g. the current policy. */
  summary?: ReactNode;
  defaultOpen?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * A collapsible section (native <details>/<summary>: keyboard and screen-reader support for free) whose open state
 * is remembered per browser. Closed sections stay mounted, so their panels keep their state and their alerts.
 */
export function Disclosure({ id, title, summary, defaultOpen = false, className, children }: Props) {
  const [open, setOpen] = useState(() => readOpen(id, defaultOpen));
  return (
    <details
      className={`disclosure${className ? ` ${className}` : ''}`}
      data-testid={`section-${id}`}
      open={open}
      onToggle={(e) => {
        const next = e.currentTarget.open;
        if (next !== open) {
          setOpen(next);
          writeOpen(id, next);
        }
      }}
    >
      <summary>
        <span className="disclosure-title">{title}</span>
        {summary !== undefined && <span className="disclosure-summary">{summary}</span>}
      </summary>
      <div className="disclosure-body">{children}</div>
    </details>
  );
}
