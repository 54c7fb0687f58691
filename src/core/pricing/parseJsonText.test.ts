import { describe, expect, it } from 'vitest';
import { parseJsonText } from './parseJsonText.ts';

describe('parseJsonText', () => {
  it('parses JSON', () => {
    expect(parseJsonText('{"users": 1}')).toEqual({ ok: true, value: { users: 1 } });
  });

  it('says where a syntax error is, by line and column', () => {
    const text = '{\n  "users": 1,\n}\n';
    expect(parseJsonText(text)).toEqual({
      ok: false,
      error: 'line 3, column 1: expected a double-quoted property name (no trailing comma)',
    });
    expect(parseJsonText('{\n  "users": 1\n  "fps": 30\n}')).toMatchObject({
      error: expect.stringMatching(/^line 3, column 3: expected ","/),
    });
    expect(parseJsonText('{"a": 1}}')).toMatchObject({
      error: expect.stringMatching(/^line 1, column 9: unexpected text/),
    });
  });

  it('rejects a comment line with a clear message', () => {
    expect(parseJsonText('# my scenario\n{"users": 1}')).toEqual({
      ok: false,
      error: 'line 1, column 1: comments ("#") are not allowed in JSON; remove the line',
    });
    expect(parseJsonText('\n// note\n{}')).toMatchObject({
      error: expect.stringMatching(/^line 2, column 1: comments/),
    });
    expect(parseJsonText('  ')).toEqual({ ok: false, error: 'the file is empty (expected a JSON value)' });
  });
});
