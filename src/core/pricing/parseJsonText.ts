import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

export type JsonTextResult = { ok: true; value: unknown } | { ok: false; error: string };

const PROBLEM: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'not a valid number',
  PropertyNameExpected: 'expected a double-quoted property name (no trailing comma)',
  ValueExpected: 'expected a value (no trailing comma)',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected "," (or a closing bracket)',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'invalid character in a string',
};

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

/**
 * JSON.parse with an error a person can act on: where (line and column) and what, e.g. `line 3, column 1: expected
 * a double-quoted property name (no trailing comma)`, instead of `"}" is not valid JSON`. A first line starting with
 * `#` or `//` is named as a comment, which JSON does not allow.
 */
export function parseJsonText(text: string): JsonTextResult {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    const comment = /^\s*(#|\/\/|\/\*)/.exec(body);
    if (comment) {
      const at = body.indexOf(comment[1]);
      return {
        ok: false,
        error: `${lineColumn(body, at)}: comments ("${comment[1]}") are not allowed in JSON; remove the line`,
      };
    }
    if (body.trim() === '') return { ok: false, error: 'the file is empty (expected a JSON value)' };
    const errors: ParseError[] = [];
    parse(body, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (!first) return { ok: false, error: e instanceof Error ? e.message : String(e) };
    return {
      ok: false,
      error: `${lineColumn(body, first.offset)}: ${PROBLEM[printParseErrorCode(first.error)] ?? 'not valid JSON'}`,
    };
  }
}
