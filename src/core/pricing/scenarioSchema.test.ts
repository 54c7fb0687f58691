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
});
