/**
 * One CSV cell (RFC 4180: quoted when it holds a comma, a quote, a line break or edge spaces; inner quotes doubled),
 * safe to open in a spreadsheet: a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return would run
 * as a formula there (an entry id or a reason from an imported file), so it is prefixed with `'`. Numbers are
 * written as numbers (a negative number is not text). Null and undefined are an empty cell.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
