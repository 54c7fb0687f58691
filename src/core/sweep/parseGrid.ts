import { DEFAULT_GATE_SETTINGS, type GateSettings, parseGateSettings } from '../gate/gateSettings.ts';
import { parseJsonText } from '../pricing/parseJsonText.ts';

export type GridResult = { ok: true; grid: GateSettings[] } | { ok: false; errors: string[] };

/** More points than this would make one sweep take many minutes on a laptop; split the grid instead. */
export const MAX_GRID_POINTS = 64;

/**
 * A grid file: a JSON list of partial gate settings, each completed from `defaults`. Every bad field of every
 * point is listed as `[i].field: problem`, not just the first.
 */
export function parseGrid(
  json: unknown,
  defaults: Readonly<GateSettings> = DEFAULT_GATE_SETTINGS,
): GridResult {
  let value = json;
  if (typeof json === 'string') {
    const text = parseJsonText(json);
    if (!text.ok) return { ok: false, errors: [`not valid JSON: ${text.error}`] };
    value = text.value;
  }
  if (!Array.isArray(value)) return { ok: false, errors: ['a grid must be a JSON list of gate settings'] };
  if (value.length === 0) return { ok: false, errors: ['the grid is empty'] };
  if (value.length > MAX_GRID_POINTS) {
    return { ok: false, errors: [`the grid has ${value.length} points; at most ${MAX_GRID_POINTS}`] };
  }
  const errors: string[] = [];
  const grid: GateSettings[] = [];
  value.forEach((item: unknown, i) => {
    const parsed = parseGateSettings(item, defaults);
    if (parsed.ok) grid.push(parsed.settings);
    else for (const e of parsed.errors) errors.push(`[${i}]${/^\w+:/.test(e) ? '.' : ': '}${e}`);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, grid };
}
