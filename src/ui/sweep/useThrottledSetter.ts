import { useEffect, useMemo } from 'react';

/**
 * A setter that passes on at most one value per `intervalMs` (the newest: a trailing call is never lost). A sweep
 * reports progress on every frame it replays; re-rendering the view that often costs more than the 4 Hz a person
 * can read, the rate the live snapshot uses.
 */
export function useThrottledSetter<T>(set: (value: T) => void, intervalMs = 250): (value: T) => void {
  const throttled = useMemo(() => throttle(set, intervalMs), [set, intervalMs]);
  useEffect(() => () => throttled.cancel(), [throttled]);
  return throttled;
}

/** The throttle itself, without React (unit-tested). */
export function throttle<T>(
  set: (value: T) => void,
  intervalMs: number,
  now: () => number = () => performance.now(),
): ((value: T) => void) & { cancel: () => void } {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: { value: T } | null = null;
  const flush = () => {
    timer = null;
    if (!pending) return;
    last = now();
    const { value } = pending;
    pending = null;
    set(value);
  };
  const call = (value: T) => {
    pending = { value };
    if (timer) return;
    const wait = last + intervalMs - now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  };
  return Object.assign(call, {
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  });
}
