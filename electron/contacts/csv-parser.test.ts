import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv-parser.js';

describe('parseCsv', () => {
  it('detects comma, semicolon and tab from the header', () => {
    expect(detectDelimiter('"a,b";c;d\n1;2;3')).toBe(';');
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });

  it('reads quoted fields with escaped quotes, delimiters and line breaks, and remembers lines', () => {
    const text = 'Name,Note,Phone\r\n"Müller, Hans","says ""hi""\nsecond line",0211 555\r\nEva,,"+49 30 1"\n';
    expect(parseCsv(text).records).toEqual([
      { line: 1, fields: ['Name', 'Note', 'Phone'] },
      { line: 2, fields: ['Müller, Hans', 'says "hi"\nsecond line', '0211 555'] },
      { line: 4, fields: ['Eva', '', '+49 30 1'] },
    ]);
  });

  it('reports a malformed record with its line and goes on', () => {
    const result = parseCsv('a,b\nok,1\nbro"ken,2\n"x"y,3\nfine,4\n');
    expect(result.records.map((record) => record.fields[0])).toEqual(['a', 'ok', 'fine']);
    expect(result.problems).toEqual([
      { line: 3, message: 'stray quote in field 1' },
      { line: 4, message: 'text after the closing quote of field 1' },
    ]);
  });

  it('reports a quote that is never closed', () => {
    expect(parseCsv('a,b\n"open,1\n2,3\n').problems).toEqual([
      { line: 2, message: 'quote opened in field 1 is never closed' },
    ]);
  });

  it('skips blank lines', () => {
    expect(parseCsv('a\n\n\nb\n').records.map((record) => record.line)).toEqual([1, 4]);
  });
});
