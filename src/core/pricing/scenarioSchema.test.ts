import { describe, expect, it } from 'vitest';
import { loadDefaultCatalog } from './defaultCatalog.ts';
import { parseScenario } from './scenarioSchema.ts';

const minimal = {
  users: 100,
  secondsPerUserPerDay: 10,
  fps: 30,
  days: 30,
  peakConcurrentStreams: 2,
  frameBytes: 0,
};

describe('parseScenario', () => {
  it('fills the defaults of the issue: 1 session/user/day, inference ratio 1, redundancy 0, every priced entry', () => {
    expect(parseScenario(minimal)).toEqual({
      ok: true,
      value: { ...minimal, sessionsPerUserPerDay: 1, inferenceRatio: 1, redundancy: 0 },
    });
  });

  it('lists every bad field', () => {
    const result = parseScenario({
      ...minimal,
      users: '100',
      fps: 0,
      inferenceRatio: 1.5,
      redundancy: 0.5,
      frameBytes: undefined,
      usres: 3,
    });
    expect(result.ok ? [] : result.errors).toEqual([
      'users: expected number, received string',
      'fps: must be > 0',
      'inferenceRatio: must be <= 1',
      'frameBytes: expected number, missing',
      'redundancy: expected integer, received 0.5',
      'usres: unknown field',
    ]);
  });

  it('checks provider ids against the catalog when given one', () => {
    const result = parseScenario(
      { ...minimal, providers: ['aws-ec2-g4dn-xlarge', 'aws-ec2-g9'] },
      loadDefaultCatalog(),
    );
    expect(result).toEqual({ ok: false, errors: ['providers[1]: unknown catalog id "aws-ec2-g9"'] });
  });

  it('bounds every number to a sane, finite range (no 1e200 users, no 1e-300 days, no 1e309)', () => {
    const result = parseScenario({
      ...minimal,
      users: 1e200,
      days: 1e-300,
      peakConcurrentStreams: 1e300,
      fps: 1e6,
      secondsPerUserPerDay: 90_000,
      frameBytes: Number.POSITIVE_INFINITY,
    });
    expect(result.ok ? [] : result.errors).toEqual([
      'users: must be <= 1000000000',
      'secondsPerUserPerDay: must be <= 86400',
      'fps: must be <= 240',
      'days: must be >= 1',
      'peakConcurrentStreams: must be <= 1000000000',
      'frameBytes: expected number, received a number too large to represent (JSON numbers must be below 1.8e308, e.g. not 1e309)',
    ]);
  });

  it('reports a JSON syntax error with its line and column, and refuses a comment line', () => {
    expect(parseScenario('{\n  "users": 1,\n  "fps": 30,\n}')).toEqual({
      ok: false,
      errors: [
        '(root): not valid JSON (line 4, column 1: expected a double-quoted property name (no trailing comma))',
      ],
    });
    expect(parseScenario(`# my scenario\n${JSON.stringify(minimal)}`)).toEqual({
      ok: false,
      errors: [
        '(root): not valid JSON (line 1, column 1: comments ("#") are not allowed in JSON; remove the line)',
      ],
    });
    const huge = parseScenario(JSON.stringify(minimal).replace(/"users":\s*[\d.]+/, '"users": 1e309'));
    expect(huge.ok ? [] : huge.errors).toEqual([
      'users: expected number, received a number too large to represent (JSON numbers must be below 1.8e308, e.g. not 1e309)',
    ]);
  });
});
