/** A main-thread long task as PerformanceObserver('longtask') reports it: start (ms since navigation) and length. */
export interface LongTask {
  startTime: number;
  duration: number;
}

export interface LongTaskStats {
  count: number;
  /** Long tasks per minute of the window; null when the window is empty. */
  perMinute: number | null;
  /** The longest task in the window, ms; 0 when there was none. */
  longestMs: number;
}

/** Folds the long tasks that started within [fromMs, toMs) (e.g. from the first mask to the end of a measurement). */
export function longTaskStats(tasks: readonly LongTask[], fromMs: number, toMs: number): LongTaskStats {
  const inWindow = tasks.filter((t) => t.startTime >= fromMs && t.startTime < toMs);
  const minutes = (toMs - fromMs) / 60_000;
  return {
    count: inWindow.length,
    perMinute: minutes > 0 ? inWindow.length / minutes : null,
    longestMs: inWindow.reduce((m, t) => Math.max(m, t.duration), 0),
  };
}
