import { z } from 'zod';
import type { Catalog, ParseResult } from './catalogSchema.ts';
import { formatIssuePath, formatIssues } from './formatIssues.ts';
import { parseJsonText } from './parseJsonText.ts';

/**
 * A month of usage to project (`npm run estimate -- --scenario FILE`, and the UI's projection form). Every number is
 * finite and within a sane range, so no projection can overflow to Infinity or NaN (1e200 users, 1e-300 days).
 */
export const scenarioSchema = z.strictObject({
  /** Users per day: up to a billion. */
  users: z.number().nonnegative().max(1e9),
  /** At most the whole day. */
  secondsPerUserPerDay: z.number().nonnegative().max(86_400),
  sessionsPerUserPerDay: z.number().positive().max(10_000).default(1),
  /** Source frame rate. */
  fps: z.number().positive().max(240),
  /** Days in the month: 1 to 31. */
  days: z.number().min(1).max(31),
  /** Share of frames inferred: 1 = every frame; 1 - skipRatio from a bench. */
  inferenceRatio: z.number().min(0).max(1).default(1),
  /** Most streams at the same moment; sizes the always-on fleet of "hour" entries. */
  peakConcurrentStreams: z.number().nonnegative().max(1e9),
  /** Bytes per frame sent, for GB (egress) entries: up to 100 MB. */
  frameBytes: z.number().nonnegative().max(1e8),
  /** Spare always-on instances (N+redundancy). */
  redundancy: z.number().int().nonnegative().max(10_000).default(0),
  /** Catalog ids to price; default every priced entry. */
  providers: z.array(z.string().min(1)).max(1000).optional(),
});
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

/**
 * Checks a scenario (parsed JSON or JSON text): every bad field as `path: problem`, e.g. `fps: expected number,
 * received string`. With a catalog, provider ids are checked against it too.
 */
export function parseScenario(json: unknown, catalog?: Catalog): ParseResult<Scenario> {
  let value = json;
  if (typeof json === 'string') {
    const text = parseJsonText(json);
    if (!text.ok) return { ok: false, errors: [`(root): not valid JSON (${text.error})`] };
    value = text.value;
  }
  const parsed = scenarioSchema.safeParse(value, { reportInput: true });
  const errors = parsed.success ? [] : formatIssues(parsed.error.issues);
  // Checked on the raw input so an unknown id is listed even when other fields are bad too.
  const providers: unknown =
    typeof value === 'object' && value !== null ? Reflect.get(value, 'providers') : undefined;
  if (catalog && Array.isArray(providers)) {
    const known = new Set(catalog.map((e) => e.id));
    providers.forEach((id: unknown, i) => {
      if (typeof id === 'string' && id !== '' && !known.has(id)) {
        errors.push(`${formatIssuePath(['providers', i])}: unknown catalog id "${id}"`);
      }
    });
  }
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}
