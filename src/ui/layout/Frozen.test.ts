import { describe, expect, it } from 'vitest';
import { staysFrozen } from './Frozen';

describe('staysFrozen', () => {
  it('skips renders only between two frozen states: turning off and turning on both render', () => {
    expect(staysFrozen({ live: true }, { live: true })).toBe(false);
    expect(staysFrozen({ live: true }, { live: false })).toBe(false);
    expect(staysFrozen({ live: false }, { live: false })).toBe(true);
    expect(staysFrozen({ live: false }, { live: true })).toBe(false);
  });
});
