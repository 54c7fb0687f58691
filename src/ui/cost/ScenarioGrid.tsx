import { SCENARIO_FIELDS, type ScenarioForm } from './scenarioForm';

interface Props {
  form: ScenarioForm;
  onChange: (form: ScenarioForm) => void;
  /** Prefix of each input's test id (`scenario-users`, `report-users`, ...). */
  testIdPrefix: string;
  /** Fields shown invalid (the parser's errors). */
  invalid?: ReadonlySet<string>;
  /** Fields the caller fills itself (for example the measured inference ratio). */
  disabled?: ReadonlySet<string>;
}

/** The monthly scenario's numeric inputs, shared by the cost panel's projection and the Report. */
export function ScenarioGrid({ form, onChange, testIdPrefix, invalid, disabled }: Props) {
  return (
    <div className="scenario-grid">
      {SCENARIO_FIELDS.map((f) => (
        <label key={f.key}>
          {f.label}
          <input
            type="number"
            min={0}
            step={f.step}
            value={form[f.key]}
            aria-invalid={invalid?.has(f.key) || undefined}
            disabled={disabled?.has(f.key)}
            data-testid={`${testIdPrefix}-${f.key}`}
            onChange={(e) => onChange({ ...form, [f.key]: e.target.value })}
          />
        </label>
      ))}
    </div>
  );
}
