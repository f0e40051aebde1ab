import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField } from './format';
import { isBlankRow, parseCsvRows } from './parse';

describe('parseCsvRows', () => {
  it('splits plain records on LF and CRLF, with or without a final line break', () => {
    expect(parseCsvRows('a,b\n1,2\n')).toEqual({ rows: [['a', 'b'], ['1', '2']], lines: [1, 2], errors: [] });
    expect(parseCsvRows('a,b\r\n1,2\r\n3,4').rows).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(parseCsvRows('a,b\r1,2').rows).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsvRows('a,,c\n,,\nx,').rows).toEqual([['a', '', 'c'], ['', '', ''], ['x', '']]);
  });

  it('returns nothing for empty input and a blank record for a blank line', () => {
    expect(parseCsvRows('')).toEqual({ rows: [], lines: [], errors: [] });
    expect(parseCsvRows('a\n\nb').rows).toEqual([['a'], [''], ['b']]);
    expect(parseCsvRows('a\n\nb').lines).toEqual([1, 2, 3]);
  });

  it('strips a UTF-8 BOM, only at the start', () => {
    expect(parseCsvRows('\uFEFFweek,x\r\n').rows).toEqual([['week', 'x']]);
    expect(parseCsvRows('a,\uFEFFb').rows).toEqual([['a', '\uFEFFb']]);
  });

  it('unquotes fields, with "" for a quote, commas and line breaks inside', () => {
    const text = 'a,"b,c","say ""hi""",""\r\n"multi\r\nline\nfield",x\n';
    const r = parseCsvRows(text);
    expect(r.rows).toEqual([
      ['a', 'b,c', 'say "hi"', ''],
      ['multi\r\nline\nfield', 'x'],
    ]);
    expect(r.lines).toEqual([1, 2]);
    expect(r.errors).toEqual([]);
  });

  it('counts the lines a quoted field spans, so later records keep their file line', () => {
    const r = parseCsvRows('h\n"1\n2\n3"\nnext\r\n"a\r\nb"\r\nlast');
    expect(r.lines).toEqual([1, 2, 5, 6, 8]);
    expect(r.rows.at(-1)).toEqual(['last']);
  });

  it('tolerates blanks around a quoted field and keeps blanks in an unquoted one', () => {
    expect(parseCsvRows('a, "b,c" ,  d ').rows).toEqual([['a', 'b,c', '  d ']]);
  });

  it('takes a quote inside an unquoted field literally', () => {
    expect(parseCsvRows('12" screen,x').rows).toEqual([['12" screen', 'x']]);
  });

  it('reports an unterminated quote on the line it opened, without throwing', () => {
    const r = parseCsvRows('week,x\n2023-W01,1\n2023-W02,"oops\n2023-W03,3\n');
    expect(r.rows).toEqual([
      ['week', 'x'],
      ['2023-W01', '1'],
    ]);
    expect(r.errors).toEqual([{ line: 3, field: 1, message: 'unterminated quoted field' }]);
    expect(parseCsvRows('"').errors).toEqual([{ line: 1, field: 0, message: 'unterminated quoted field' }]);
  });

  it('reports text after a closing quote and keeps it', () => {
    const r = parseCsvRows('a,"b"c,d');
    expect(r.rows).toEqual([['a', 'bc', 'd']]);
    expect(r.errors).toEqual([{ line: 1, field: 1, message: 'unexpected text after a closing quote' }]);
  });

  it('reads back any table written with csvField (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', '\uFEFF', 'é', '1') });
    const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        // A lone empty field on a line cannot be told from a blank line; the writer never produces one.
        fc.pre(rows.every((row) => !(row.length === 1 && row[0] === '')));
        const text = rows.map((row) => row.map(csvField).join(',')).join(eol) + eol;
        const r = parseCsvRows(text);
        expect(r.errors).toEqual([]);
        expect(r.rows).toEqual(rows);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', '\uFEFF') }), (text) => {
        const r = parseCsvRows(text);
        expect(r.rows.length).toBe(r.lines.length);
        for (let i = 1; i < r.lines.length; i++) expect(r.lines[i]).toBeGreaterThan(r.lines[i - 1]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isBlankRow', () => {
  it('is true for empty or blank-only fields', () => {
    expect(isBlankRow([''])).toBe(true);
    expect(isBlankRow(['', ' ', '\t'])).toBe(true);
    expect(isBlankRow(['', '0'])).toBe(false);
  });
});
