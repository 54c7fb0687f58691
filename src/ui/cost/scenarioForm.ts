import type { Catalog, ParseResult } from '../../core/pricing/catalogSchema';
import { parseScenario, type Scenario, type ScenarioInput } from '../../core/pricing/scenarioSchema';

type NumericKey = Exclude<keyof ScenarioInput, 'providers'>;

/** The projection inputs, in the order the form shows them. */
export const SCENARIO_FIELDS: readonly { key: NumericKey; label: string; step: number }[] = [
  { key: 'users', label: 'Users per day', step: 1 },
  { key: 'secondsPerUserPerDay', label: 'Seconds per user per day', step: 1 },
  { key: 'sessionsPerUserPerDay', label: 'Sessions per user per day', step: 1 },
  { key: 'fps', label: 'Frames per second', step: 1 },
  { key: 'days', label: 'Days per month', step: 1 },
  { key: 'inferenceRatio', label: 'Inference ratio (0–1)', step: 0.01 },
  { key: 'peakConcurrentStreams', label: 'Peak concurrent streams', step: 1 },
  { key: 'frameBytes', label: 'Frame size (bytes)', step: 1000 },
  { key: 'redundancy', label: 'Redundancy (spare instances)', step: 1 },
];

/** The form keeps what the user typed (strings), so a half-typed number is not reformatted under their cursor. */
export type ScenarioForm = Record<NumericKey, string>;

/** The article's scenario: 100 users x 10 s a day x 30 fps x 30 days, every frame inferred. */
export const ARTICLE_SCENARIO: ScenarioForm = {
  users: '100',
  secondsPerUserPerDay: '10',
  sessionsPerUserPerDay: '1',
  fps: '30',
  days: '30',
  inferenceRatio: '1',
  peakConcurrentStreams: '2',
  frameBytes: '50000',
  redundancy: '0',
};

/** Checks the form as a scenario for the selected entries; an empty field is "missing", text is "not a number". */
export function parseScenarioForm(
  form: ScenarioForm,
  providers: readonly string[],
  catalog: Catalog,
): ParseResult<Scenario> {
  const raw: Record<string, unknown> = { providers: [...providers] };
  for (const { key } of SCENARIO_FIELDS) {
    const text = form[key].trim();
    if (text !== '') raw[key] = Number(text);
  }
  return parseScenario(raw, catalog);
}
