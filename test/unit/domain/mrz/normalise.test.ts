import { describe, expect, it } from 'vitest';
import { normaliseMrzInput, parseMrz } from '../../../../shared/domain/mrz';

const L1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
const L2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';
const codes = (text: string): string[] => normaliseMrzInput(text).normalisations.map((n) => n.code);

describe('normaliseMrzInput', () => {
  it('leaves clean LF-separated lines alone', () => {
    expect(normaliseMrzInput(`${L1}\n${L2}`)).toEqual({ lines: [L1, L2], normalisations: [] });
  });

  it('ignores a trailing newline without reporting it', () => {
    expect(normaliseMrzInput(`${L1}\n${L2}\n`)).toEqual({ lines: [L1, L2], normalisations: [] });
  });

  it('converts CRLF and CR line breaks', () => {
    expect(normaliseMrzInput(`${L1}\r\n${L2}\r\n`).lines).toEqual([L1, L2]);
    expect(normaliseMrzInput(`${L1}\r${L2}`).lines).toEqual([L1, L2]);
    expect(codes(`${L1}\r\n${L2}`)).toEqual(['line-endings']);
  });

  it('splits lines joined with ^', () => {
    expect(normaliseMrzInput(`${L1}^${L2}`).lines).toEqual([L1, L2]);
    expect(codes(`${L1}^${L2}`)).toEqual(['caret-separators']);
  });

  it('trims whitespace around lines and names the lines', () => {
    const r = normaliseMrzInput(`  ${L1}\t\n${L2}   `);
    expect(r.lines).toEqual([L1, L2]);
    expect(r.normalisations).toEqual([{ code: 'trimmed-whitespace', message: 'removed whitespace around lines 1, 2' }]);
  });

  it('upper-cases lower-case letters', () => {
    const r = normaliseMrzInput(`${L1.toLowerCase()}\n${L2}`);
    expect(r.lines).toEqual([L1, L2]);
    expect(r.normalisations).toEqual([{ code: 'upper-cased', message: 'converted lower-case letters to upper case in line 1' }]);
  });

  it('drops empty lines between the MRZ lines', () => {
    expect(normaliseMrzInput(`${L1}\n\n  \n${L2}`).lines).toEqual([L1, L2]);
    expect(codes(`${L1}\n\n${L2}`)).toEqual(['removed-empty-lines']);
  });

  it('splits one unbroken line of 88, 72 or 90 characters', () => {
    expect(normaliseMrzInput(L1 + L2).lines).toEqual([L1, L2]);
    expect(codes(L1 + L2)).toEqual(['split-single-line']);
    const td1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
    expect(normaliseMrzInput(td1.join('')).lines).toEqual(td1);
  });

  it('splits lines separated by spaces', () => {
    expect(normaliseMrzInput(`${L1} ${L2}`).lines).toEqual([L1, L2]);
    expect(codes(`${L1}  ${L2}`)).toEqual(['whitespace-separators']);
  });

  it('removes spaces inside a line when that gives an MRZ line length', () => {
    const gappy = `${L2.slice(0, 10)} ${L2.slice(10, 20)}  ${L2.slice(20)}`;
    expect(normaliseMrzInput(`${L1}\n${gappy}`).lines).toEqual([L1, L2]);
    expect(codes(`${L1}\n${gappy}`)).toEqual(['removed-inner-spaces']);
  });

  it('maps full-width characters to ASCII', () => {
    const wide = L1.replace('P<UTO', 'Ｐ＜ＵＴＯ');
    expect(normaliseMrzInput(`${wide}\n${L2}`).lines).toEqual([L1, L2]);
    expect(codes(`${wide}\n${L2}`)).toEqual(['unicode-compatibility']);
  });

  it('combines several normalisations and the parser reports them', () => {
    const r = parseMrz(`  ${L1.toLowerCase()}\r\n${L2}  \r\n`, { referenceDate: new Date('2025-06-01') });
    expect(r.readable).toBe(true);
    if (!r.readable) return;
    expect(r.status).toBe('valid');
    expect(r.lines).toEqual([L1, L2]);
    expect(r.normalisations.map((n) => n.code)).toEqual(['line-endings', 'trimmed-whitespace', 'upper-cased']);
  });

  it('leaves characters outside the alphabet for the parser to report', () => {
    expect(normaliseMrzInput(`${L1}\n${L2.replace('C', '*')}`).lines[1]).toContain('*');
  });

  it('gives no lines for empty or blank input', () => {
    expect(normaliseMrzInput('').lines).toEqual([]);
    expect(normaliseMrzInput(' \n\r\n ^ ').lines).toEqual([]);
  });
});
