import { describe, expect, it } from 'vitest';
import { measureRatios } from './measureRatios';

describe('measureRatios', () => {
  const row = { displayFps: 24, sourceFps: 30, modelMsP50: 90, endToEndMsP50: 135, bareModelMsP50: 30 };

  it('divides each figure by its anchor', () => {
    expect(measureRatios(row, 8)).toEqual({
      displayOverSource: 0.8,
      endToEndOverModel: 1.5,
      modelOverBare: 3,
      displayOverDemo: 3,
    });
  });

  it('gives null, never Infinity or NaN, when an anchor is missing or zero', () => {
    const r = measureRatios({ ...row, sourceFps: null, modelMsP50: 0, bareModelMsP50: null }, 0);
    expect(r).toEqual({
      displayOverSource: null,
      endToEndOverModel: null,
      modelOverBare: null,
      displayOverDemo: null,
    });
  });
});
