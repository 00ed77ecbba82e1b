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

  it('reads a quote inside an unquoted field as text, as Excel does, and goes on', () => {
    const result = parseCsv('a,b\nok,1\nHans "Hansi" Müller,2\n "quoted, after a space",3\nfine,4\n');
    expect(result.records.map((record) => record.fields[0])).toEqual([
      'a',
      'ok',
      'Hans "Hansi" Müller',
      'quoted, after a space',
      'fine',
    ]);
    expect(result.problems).toEqual([]);
  });

  it('reports a quote that is never closed at the line its record starts, keeping the rows before', () => {
    const result = parseCsv('a,b\r\n\r\nfirst,1\r\n"open,1\r\n2,3\r\n');
    expect(result.records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['first', '1'] },
    ]);
    expect(result.problems).toEqual([{ line: 4, message: 'a quote opened in field 1 is never closed' }]);
  });

  it('reads CR, LF and CRLF line ends mixed in one file', () => {
    expect(parseCsv('a;b\rc;d\ne;"f\r\ng"\r\nh;i').records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
      { line: 3, fields: ['e', 'f\ng'] },
      { line: 5, fields: ['h', 'i'] },
    ]);
  });

  it('skips blank lines', () => {
    expect(parseCsv('a\n\n\nb\n').records.map((record) => record.line)).toEqual([1, 4]);
  });
});
