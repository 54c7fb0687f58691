import { csvCell } from '../log/csvCell.ts';
import type { ReportRow } from './buildReport.ts';

/** Column order of report.csv: the keys of a provider row of report.json. */
export const REPORT_CSV_COLUMNS: readonly (keyof ReportRow)[] = [
  'id',
  'provider',
  'product',
  'unit',
  'everyFrameMonthlyUSD',
  'adaptiveMonthlyUSD',
  'onDeviceMonthlyUSD',
  'savingMonthlyUSD',
  'savingPct',
  'fleetMonthlyUSD',
  'instances',
  'sourceUrl',
  'seenDate',
  'confidence',
];

/** The provider rows as RFC 4180 CSV, numbers at full precision, null as an empty cell. */
export function reportCsv(rows: readonly ReportRow[]): string {
  const lines = [REPORT_CSV_COLUMNS.map(csvCell).join(',')];
  for (const row of rows) lines.push(REPORT_CSV_COLUMNS.map((k) => csvCell(row[k])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
