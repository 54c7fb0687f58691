import type { Catalog, ParseResult } from '../pricing/catalogSchema.ts';
import { parseScenario, type Scenario, type ScenarioInput } from '../pricing/scenarioSchema.ts';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';
import { type MeasuredFigures, parseMeasuredFigures } from './measuredFigures.ts';

/** `view=report&scenario=<base64url JSON>[&measured=<base64url JSON>]`: a link that reproduces a report. */
export function reportQuery(scenario: ScenarioInput, measured: MeasuredFigures | null): string {
  const params = new URLSearchParams({ view: 'report', scenario: encodeBase64Url(JSON.stringify(scenario)) });
  if (measured) params.set('measured', encodeBase64Url(JSON.stringify(measured)));
  return params.toString();
}

export interface ReportParams {
  /** Null when the URL carries no scenario. */
  scenario: ParseResult<Scenario> | null;
  measured: ParseResult<MeasuredFigures> | null;
}

function decoded<T>(
  text: string | null,
  name: string,
  parse: (json: string) => ParseResult<T>,
): ParseResult<T> | null {
  if (text === null) return null;
  let json: string;
  try {
    json = decodeBase64Url(text);
  } catch {
    return { ok: false, errors: [`${name}: the link's value is not base64url JSON`] };
  }
  const parsed = parse(json);
  return parsed.ok ? parsed : { ok: false, errors: parsed.errors.map((e) => `${name}.${e}`) };
}

/** Reads a report link's parameters; each bad field is listed, prefixed with its parameter. */
export function readReportQuery(search: string, catalog: Catalog): ReportParams {
  const params = new URLSearchParams(search);
  return {
    scenario: decoded(params.get('scenario'), 'scenario', (json) => parseScenario(json, catalog)),
    measured: decoded(params.get('measured'), 'measured', parseMeasuredFigures),
  };
}
