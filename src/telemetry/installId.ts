const KEY = 'segmeter.telemetry.installId';

/**
 * A random id for this browser profile, made on first use and kept in localStorage: it tells installs apart in a
 * fleet without saying anything about the person. Where storage is unavailable, a fresh id per page load.
 */
export function installId(storage: Pick<Storage, 'getItem' | 'setItem'> | null): string {
  try {
    const known = storage?.getItem(KEY);
    if (known) return known;
    const id = crypto.randomUUID();
    storage?.setItem(KEY, id);
    return id;
  } catch {
    return crypto.randomUUID();
  }
}
