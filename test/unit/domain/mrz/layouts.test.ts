import { describe, expect, it } from 'vitest';
import { MRZ_SPECIMENS } from '../../../../shared/domain/mrz';
import { detectFormat, LAYOUTS, readLongNumber, spanText } from '../../../../shared/domain/mrz/layouts';

const specimen = (name: string): readonly string[] => MRZ_SPECIMENS.find((s) => s.name.startsWith(name))!.lines;

describe('detectFormat', () => {
  it('recognises every specimen', () => {
    for (const s of MRZ_SPECIMENS) expect(detectFormat(s.lines), s.name).toBe(s.format);
  });

  it('tells visas by their leading V', () => {
    expect(detectFormat(['V'.padEnd(44, '<'), '0'.repeat(44)])).toBe('MRVA');
    expect(detectFormat(['P'.padEnd(44, '<'), '0'.repeat(44)])).toBe('TD3');
    expect(detectFormat(['V'.padEnd(36, '<'), '0'.repeat(36)])).toBe('MRVB');
    expect(detectFormat(['I'.padEnd(36, '<'), '0'.repeat(36)])).toBe('TD2');
  });

  it('tells the French identity card from a French TD2 by the digits where TD2 holds the nationality', () => {
    const french = specimen('French');
    expect(detectFormat(french)).toBe('FRENCH_ID');
    expect(detectFormat(['1' + french[0]!.slice(1), french[1]!])).toBe('FRENCH_ID');
    expect(detectFormat(['IDFRAMARTIN<<PAUL<<<<<<<<<<<<<<<<<<<', 'X1234567<9FRA8001014M3001017<<<<<<<4'])).toBe('TD2');
  });

  it('rejects wrong shapes', () => {
    expect(detectFormat([])).toBeNull();
    expect(detectFormat(['A'.repeat(44)])).toBeNull();
    expect(detectFormat(['A'.repeat(44), 'A'.repeat(43)])).toBeNull();
    expect(detectFormat(['A'.repeat(36), 'A'.repeat(44)])).toBeNull();
    expect(detectFormat(['A'.repeat(30), 'A'.repeat(30), 'A'.repeat(31)])).toBeNull();
    expect(detectFormat(['A'.repeat(30), 'A'.repeat(30)])).toBeNull();
    expect(detectFormat(['A'.repeat(44), 'A'.repeat(44), 'A'.repeat(44)])).toBeNull();
  });
});

describe('LAYOUTS', () => {
  it('places the TD3 fields at the ICAO 9303 Part 4 positions', () => {
    const lines = specimen('ICAO TD3');
    const l = LAYOUTS.TD3;
    expect(spanText(lines, l.documentNumber)).toBe('L898902C3');
    expect(spanText(lines, l.nationality!)).toBe('UTO');
    expect(spanText(lines, l.birthDate)).toBe('740812');
    expect(spanText(lines, l.expiryDate!)).toBe('120415');
    expect(spanText(lines, l.optionalData)).toBe('ZE184226B<<<<<');
    expect(l.composite!.data.map((s) => `${s.start + 1}-${s.end}`)).toEqual(['1-10', '14-20', '22-43']);
  });

  it('places the TD1 fields at the ICAO 9303 Part 5 positions', () => {
    const lines = specimen('ICAO TD1');
    const l = LAYOUTS.TD1;
    expect(spanText(lines, l.documentNumber)).toBe('D23145890');
    expect(spanText(lines, l.birthDate)).toBe('740812');
    expect(spanText(lines, l.expiryDate!)).toBe('120415');
    expect(spanText(lines, l.nationality!)).toBe('UTO');
    expect(spanText(lines, l.names!)).toBe('ERIKSSON<<ANNA<MARIA<<<<<<<<<<');
    expect(l.composite!.data.map((s) => `${s.line + 1}:${s.start + 1}-${s.end}`)).toEqual(['1:6-30', '2:1-7', '2:9-15', '2:19-29']);
  });

  it('gives every layout line lengths that its spans fit into', () => {
    for (const l of Object.values(LAYOUTS)) {
      const spans = [l.documentCode, l.issuingState, l.documentNumber, l.birthDate, l.optionalData];
      for (const s of spans) expect(s.end, `${l.format}`).toBeLessThanOrEqual(l.lineLength);
    }
  });
});

describe('readLongNumber (TD1/TD2 document numbers over 9 characters)', () => {
  it('reads the overflow and its check digit from the TD1 optional data', () => {
    const lines = specimen('TD1 card with a 12-character');
    const long = readLongNumber(LAYOUTS.TD1, lines)!;
    expect(long.overflow).toBe('734');
    expect(lines[long.checkDigit.line]![long.checkDigit.index]).toBe('9');
    expect(spanText(lines, long.optionalSpan)).toBe('<<<<<<<<<<<');
  });

  it('reads the overflow from the TD2 optional data', () => {
    const long = readLongNumber(LAYOUTS.TD2, specimen('TD2 card with an 11-character'))!;
    expect(long.overflow).toBe('12');
  });

  it('is absent when position 15 holds a check digit, or the optional data starts with a filler', () => {
    expect(readLongNumber(LAYOUTS.TD1, specimen('ICAO TD1'))).toBeNull();
    const filler = ['I<UTOD23145890<<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
    expect(readLongNumber(LAYOUTS.TD1, filler)).toBeNull();
    expect(readLongNumber(LAYOUTS.TD3, specimen('ICAO TD3'))).toBeNull();
  });
});
