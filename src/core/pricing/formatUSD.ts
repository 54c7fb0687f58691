/** Display formatting for money and counts. Values stay full precision everywhere else; only the text is rounded. */

/** True when `rounded` equals `v` but for float noise (a few ulps from summing tier bands). */
function sameValue(rounded: number, v: number): boolean {
  return Math.abs(rounded - v) <= 1e-12 * Math.max(1e-6, Math.abs(v));
}

// Number.toLocaleString with options builds a new Intl.NumberFormat on every call (tens of microseconds); the panels
// format hundreds of figures a few times a second, so each distinct format is built once and kept.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', options);
    formats.set(key, format);
  }
  return format;
}

function withGrouping(v: number, decimals: number): string {
  const options = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return numberFormat(`fixed:${decimals}`, options).format(v);
}

/**
 * Dollars with enough digits to be exact at small values: the shortest form with 2 to 6 decimals that is the value
 * itself ($0.30, $0.09375, $0.000225), else cents from $1 up and 3 significant digits below ($9.74, $0.0167).
 * Null (an entry with no tiers) is "no public price", never $0.
 */
export function formatUSD(v: number | null): string {
  if (v === null) return 'no public price';
  if (!Number.isFinite(v)) return '–';
  const sign = v < 0 ? '-' : '';
  const abs = Math.abs(v);
  for (let d = 2; d <= 6; d++) {
    const rounded = Number(abs.toFixed(d));
    if (sameValue(rounded, abs)) return `${sign}$${withGrouping(rounded, d)}`;
  }
  const decimals = abs >= 1 ? 2 : Math.min(12, 2 - Math.floor(Math.log10(abs)));
  return `${sign}$${withGrouping(abs, decimals)}`;
}

/**
 * A count or quantity: whole numbers grouped (1,234,567), fractions to `maxDecimals` without trailing zeros, and
 * quantities below 1 to 3 significant digits so a small one is never shown as 0 (0.0000741 busy hours).
 */
export function formatCount(v: number | null, maxDecimals = 2): string {
  if (v === null || !Number.isFinite(v)) return '–';
  if (v !== 0 && Math.abs(v) < 1) return numberFormat('sig:3', { maximumSignificantDigits: 3 }).format(v);
  return numberFormat(`max:${maxDecimals}`, { maximumFractionDigits: maxDecimals }).format(v);
}

/** A percentage to one decimal (80.0%); null when there is nothing to compare against. */
export function formatPct(v: number | null): string {
  return v === null || !Number.isFinite(v) ? '–' : `${v.toFixed(1)}%`;
}
