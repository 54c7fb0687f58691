import type { z } from 'zod';

/** `[3].tiers[1].pricePerUnitUSD` for a catalog entry field, `fps` for a scenario field, `(root)` for the whole. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function describeInput(input: unknown): string {
  if (input === undefined) return 'missing';
  if (input === null) return 'received null';
  if (Array.isArray(input)) return 'received array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'received NaN';
  if (typeof input === 'number' && !Number.isFinite(input))
    return 'received a number too large to represent (JSON numbers must be below 1.8e308, e.g. not 1e309)';
  return `received ${typeof input}`;
}

/**
 * One line per zod issue, `path: message`, with short messages of our own (zod's defaults are wordier and
 * do not say what was received once `reportInput` is off).
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue): string[] => {
    const at = formatIssuePath(issue.path);
    switch (issue.code) {
      case 'invalid_type':
        if (issue.expected === 'int' && typeof issue.input === 'number') {
          return [`${at}: expected integer, received ${issue.input}`];
        }
        return [`${at}: expected ${issue.expected}, ${describeInput(issue.input)}`];
      case 'unrecognized_keys':
        return issue.keys.map((k) => `${formatIssuePath([...issue.path, k])}: unknown field`);
      case 'invalid_value':
        return [`${at}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}`];
      case 'invalid_format':
        return [
          `${at}: expected ${issue.format === 'date' ? 'an ISO date YYYY-MM-DD' : issue.format === 'url' ? 'an http:// or https:// URL' : `a ${issue.format}`}`,
        ];
      case 'too_small':
        return [`${at}: must be ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}`];
      case 'too_big':
        if (issue.origin === 'array') return [`${at}: at most ${String(issue.maximum)} items`];
        return [`${at}: must be ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}`];
      default:
        return [`${at}: ${issue.message}`];
    }
  });
}
