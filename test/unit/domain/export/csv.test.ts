import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvCellText, csvRecord, parseCsv } from '../../../../shared/domain/export';

describe('RFC 4180 CSV', () => {
  it('quotes only what needs quoting and doubles inner quotes', () => {
    expect(csvRecord(['a', 'b c', 'd,e', 'say "hi"', 'two\nlines', ''])).toBe('a,b c,"d,e","say ""hi""","two\nlines",\r\n');
  });

  it('defuses spreadsheet formulas with a leading apostrophe (OWASP CSV injection)', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCellText('-2')).toBe("'-2");
    expect(csvCell('JURAEV')).toBe('JURAEV');
  });

  it('parses what it writes, and agrees with csv-parse on arbitrary text', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Ж', ',', '"', '\r', '\n', ' ', '=', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = rows.map((r) => csvRecord(r)).join('');
        const ours = parseCsv(text);
        expect(ours.error).toBeNull();
        expect(ours.records).toEqual(rows.map((r) => r.map(csvCellText)));
        expect(ours.records).toEqual(parse(text, { relax_column_count: true, record_delimiter: '\r\n' }));
      }),
    );
  });

  it('names broken quoting instead of guessing', () => {
    expect(parseCsv('a,"b\r\n').error?.message).toMatch(/never closed/);
    expect(parseCsv('a,b"c\r\n').error?.message).toMatch(/quote inside an unquoted field/);
    expect(parseCsv('a,"b"c\r\n').error?.message).toMatch(/text follows a closing quote/);
    expect(parseCsv('').records).toEqual([]);
    expect(parseCsv('x,y').records).toEqual([['x', 'y']]);
  });
});
