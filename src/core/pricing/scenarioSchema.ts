import { z } from 'zod';
import type { Catalog, ParseResult } from './catalogSchema.ts';
import { formatIssuePath, formatIssues } from './formatIssues.ts';

/** A month of usage to project (`npm run estimate -- --scenario FILE`, and the UI's projection form). */
export const scenarioSchema = z.strictObject({
  /** Users per day. */
  users: z.number().nonnegative(),
  secondsPerUserPerDay: z.number().nonnegative(),
  sessionsPerUserPerDay: z.number().positive().default(1),
  /** Source frame rate. */
  fps: z.number().positive(),
  /** Days in the month. */
  days: z.number().positive(),
  /** Share of frames inferred: 1 = every frame; 1 - skipRatio from a bench. */
  inferenceRatio: z.number().min(0).max(1).default(1),
  /** Most streams at the same moment; sizes the always-on fleet of "hour" entries. */
  peakConcurrentStreams: z.number().nonnegative(),
  /** Bytes per frame sent, for GB (egress) entries. */
  frameBytes: z.number().nonnegative(),
  /** Spare always-on instances (N+redundancy). */
  redundancy: z.number().int().nonnegative().default(0),
  /** Catalog ids to price; default every priced entry. */
  providers: z.array(z.string().min(1)).optional(),
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
    try {
      value = JSON.parse(json);
    } catch (e) {
      return {
        ok: false,
        errors: [`(root): not valid JSON (${e instanceof Error ? e.message : String(e)})`],
      };
    }
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
