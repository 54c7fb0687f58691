import { describe, expect, it } from 'vitest';
import { csvCell } from './csvCell';

describe('csvCell', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
  });

  it('leaves numbers, plain text and empty cells as they were', () => {
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell('aws-rekognition-image-group2')).toBe('aws-rekognition-image-group2');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});
