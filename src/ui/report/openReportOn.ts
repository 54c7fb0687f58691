import { encodeBase64Url } from '../../core/report/base64url';
import type { MeasuredFigures } from '../../core/report/measuredFigures';

/**
 * Puts measured figures in the URL (`measured=`), where the Report reads them when it opens; the rest of the query
 * (the report's scenario, the backend) is kept.
 */
export function openReportOn(measured: MeasuredFigures): void {
  const params = new URLSearchParams(location.search);
  params.set('measured', encodeBase64Url(JSON.stringify(measured)));
  history.replaceState(null, '', `${location.pathname}?${params.toString()}`);
}
