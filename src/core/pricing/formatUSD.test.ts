import { describe, expect, it } from 'vitest';
import { formatCount, formatPct, formatUSD } from './formatUSD.ts';

describe('formatUSD (display only)', () => {
  it("shows the article's figures exactly", () => {
    expect(formatUSD(0.3)).toBe('$0.30');
    expect(formatUSD(0.09375)).toBe('$0.09375');
    expect(formatUSD(0.095)).toBe('$0.095');
    expect(formatUSD(900)).toBe('$900.00');
    expect(formatUSD(4800.000000000001)).toBe('$4,800.00');
    expect(formatUSD(0.000225)).toBe('$0.000225');
  });

  it('rounds values that have no short exact form: 3 significant digits below $1, cents above', () => {
    expect(formatUSD(0.1 / 6)).toBe('$0.0167');
    expect(formatUSD(9.7398148)).toBe('$9.74');
    expect(formatUSD(0.526 / 15 / 3600)).toBe('$0.00000974');
  });

  it('an exact product of a count and a price parses back to itself', () => {
    for (const n of [1, 7, 123, 999, 1234, 98765]) {
      const text = formatUSD(n * 0.001);
      expect(Number(text.replace(/[$,]/g, ''))).toBeCloseTo(n * 0.001, 12);
    }
  });

  it('no price is never $0', () => {
    expect(formatUSD(null)).toBe('no public price');
    expect(formatUSD(0)).toBe('$0.00');
    expect(formatUSD(-0.24)).toBe('-$0.24');
  });

  it('counts and percentages', () => {
    expect(formatCount(900000)).toBe('900,000');
    expect(formatCount(18.75)).toBe('18.75');
    expect(formatCount(null)).toBe('–');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(10 / 15 / 3600)).toBe('0.000185');
    expect(formatCount(0.625)).toBe('0.625');
    expect(formatPct(80)).toBe('80.0%');
    expect(formatPct(null)).toBe('–');
  });
});

describe('formatUSD on large amounts', () => {
  it('rounds a saving that is not a short decimal to cents', () => {
    expect(formatUSD(900 - 113.20754716981129)).toBe('$786.79');
    expect(formatUSD(786.5)).toBe('$786.50');
  });
});
