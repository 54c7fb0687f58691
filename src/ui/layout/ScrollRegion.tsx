import type { ReactNode } from 'react';

/**
 * A box that scrolls sideways when its content (a wide table, a fixed-size chart) does not fit, instead of widening
 * the page. It is a named, focusable region so keyboard users can scroll it too (WCAG 2.1.1; axe
 * "scrollable-region-focusable").
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to be scrolled
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
