import { describe, expect, it } from 'vitest';
import { MRZ_SPECIMENS, parseMrz, type MrzReadable, type MrzResult } from '../../../../shared/domain/mrz';

const REF = new Date('2025-06-01T00:00:00Z');
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

const read = (lines: readonly string[] | string, ocrCorrection = true): MrzReadable => {
  const r = parseMrz(typeof lines === 'string' ? lines : lines.join('\n'), { referenceDate: REF, ocrCorrection });
  if (!r.readable) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r;
};
/** `lines` with the character at 1-based `position` of 1-based `line` replaced. */
const put = (lines: readonly string[], line: number, position: number, ch: string): string[] =>
  lines.map((l, i) => (i === line - 1 ? l.slice(0, position - 1) + ch + l.slice(position) : l));
const errors = (r: MrzResult): string[] => r.problems.filter((p) => p.severity === 'error').map((p) => p.message);
const codes = (r: MrzResult): string[] => r.problems.map((p) => p.code);

describe('parseMrz: the ICAO specimens', () => {
  it('reads the TD3 passport specimen field by field', () => {
    const r = read(TD3);
    expect(r.format).toBe('TD3');
    expect(r.status).toBe('valid');
    expect(r.fields).toEqual({
      documentCode: 'P',
      issuingState: 'UTO',
      issuingStateName: 'Utopia (ICAO specimen)',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      nameTruncated: false,
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      nationalityName: 'Utopia (ICAO specimen)',
      birthDate: '1974-08-12',
      birthDateRaw: '740812',
      sex: 'F',
      expiryDate: '2012-04-15',
      expiryDateRaw: '120415',
      optionalData: 'ZE184226B',
      optionalData2: null,
    });
    expect(r.checks).toEqual([
      { field: 'documentNumber', printed: '6', expected: '6', ok: true },
      { field: 'birthDate', printed: '2', expected: '2', ok: true },
      { field: 'expiryDate', printed: '9', expected: '9', ok: true },
      { field: 'optionalData', printed: '1', expected: '1', ok: true },
      { field: 'composite', printed: '0', expected: '0', ok: true },
    ]);
    expect(r.corrections).toEqual([]);
    expect(r.normalisations).toEqual([]);
    expect(r.lines).toEqual(TD3);
    // Warnings only: the specimen state, and an expiry 13 years before the reference date.
    expect(r.problems.every((p) => p.severity === 'warning')).toBe(true);
    expect(codes(r)).toEqual(['specimen-state-code', 'specimen-state-code', 'expiry-out-of-range']);
  });

  it('reads every specimen as valid in its format', () => {
    for (const s of MRZ_SPECIMENS) {
      const r = read(s.lines);
      expect(r.format, s.name).toBe(s.format);
      expect(r.status, s.name).toBe('valid');
      expect(r.checks.every((c) => c.ok), s.name).toBe(true);
    }
  });

  it('reads the TD1 specimen, including both optional data fields', () => {
    const r = read(MRZ_SPECIMENS.find((s) => s.format === 'TD1')!.lines);
    expect(r.fields).toMatchObject({
      documentCode: 'I',
      documentNumber: 'D23145890',
      birthDate: '1974-08-12',
      expiryDate: '2012-04-15',
      optionalData: '',
      optionalData2: '',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
    });
    expect(r.checks.map((c) => c.field)).toEqual(['documentNumber', 'birthDate', 'expiryDate', 'composite']);
  });

  it('reads visas without a composite check digit', () => {
    const a = read(MRZ_SPECIMENS.find((s) => s.format === 'MRVA')!.lines);
    expect(a.fields).toMatchObject({ documentCode: 'V', nationality: 'XXX', nationalityName: 'Unspecified nationality', optionalData: '6ZE184226B' });
    expect(a.checks.map((c) => c.field)).toEqual(['documentNumber', 'birthDate', 'expiryDate']);
    const b = read(MRZ_SPECIMENS.find((s) => s.format === 'MRVB')!.lines);
    expect(b.fields).toMatchObject({ documentNumber: 'L8988901C', birthDate: '1940-09-07', expiryDate: '1996-12-10' });
  });
});

describe('parseMrz: fields', () => {
  it("reads Germany's one-letter state code D<<", () => {
    const r = read(MRZ_SPECIMENS.find((s) => s.name.startsWith('German'))!.lines);
    expect(r.fields).toMatchObject({
      issuingState: 'D',
      issuingStateName: 'Germany',
      nationality: 'D',
      surname: 'MUELLER LUEDENSCHEIDT',
      givenNames: 'HANS PETER',
      optionalData: '',
    });
    expect(r.problems).toEqual([]);
  });

  it('reads a TD1 document number that overflows into the optional data', () => {
    const r = read(['I<UTOD23145890<7349<ABC<<<<<<<', '7408122F3304156UTO<<<<<<<<<<<7', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<']);
    expect(r.fields.documentNumber).toBe('D23145890734');
    expect(r.fields.optionalData).toBe('ABC');
    expect(r.checks[0]).toEqual({ field: 'documentNumber', printed: '9', expected: '9', ok: true });
    expect(r.status).toBe('valid');
  });

  it('reads a TD2 document number that overflows into the optional data', () => {
    const r = read(MRZ_SPECIMENS.find((s) => s.name.startsWith('TD2 card'))!.lines);
    expect(r.fields.documentNumber).toBe('D2314589012');
    expect(r.fields.optionalData).toBe('');
  });

  it('reads the French identity card', () => {
    const r = read(MRZ_SPECIMENS.find((s) => s.format === 'FRENCH_ID')!.lines);
    expect(r.fields).toMatchObject({
      documentCode: 'ID',
      issuingState: 'FRA',
      surname: 'DUPONT',
      givenNames: 'MARIE CLAIRE',
      documentNumber: '150675012345',
      nationality: 'FRA',
      birthDate: '1988-05-17',
      sex: 'F',
      expiryDate: null,
      expiryDateRaw: '',
      optionalData: '075001',
    });
    expect(r.checks.map((c) => c.field)).toEqual(['documentNumber', 'birthDate', 'composite']);
  });

  it('reads an empty primary identifier and a name without given names', () => {
    expect(read(put(TD3, 1, 6, '<').map((l, i) => (i === 0 ? 'P<UTO<<ANNA<MARIA'.padEnd(44, '<') : l))).fields).toMatchObject({ surname: '', givenNames: 'ANNA MARIA' });
    expect(read(['P<UTOERIKSSON'.padEnd(44, '<'), TD3[1]!]).fields).toMatchObject({ surname: 'ERIKSSON', givenNames: '' });
  });

  it('flags a name that fills the whole field as possibly truncated', () => {
    const r = read(['P<UTOERIKSSON<<ANNA<MARIA<LOUISE<CHARLOTTE<E', TD3[1]!]);
    expect(r.fields.nameTruncated).toBe(true);
    expect(r.fields.givenNames).toBe('ANNA MARIA LOUISE CHARLOTTE E');
    expect(r.status).toBe('valid');
    expect(r.problems.find((p) => p.code === 'name-truncated')?.severity).toBe('warning');
  });

  it('accepts sex X and <, and rejects anything else', () => {
    expect(read(put(TD3, 2, 21, 'X')).fields.sex).toBe('X');
    expect(read(put(TD3, 2, 21, '<')).fields.sex).toBe('<');
    const bad = read(put(TD3, 2, 21, 'H'));
    expect(bad.fields.sex).toBeNull();
    expect(errors(bad)).toEqual(["sex 'H' is not M, F, X or '<'"]);
  });

  it('warns about well-formed but unknown state codes and rejects malformed ones', () => {
    const unknown = read(['P<ASUERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', TD3[1]!]);
    expect(unknown.status).toBe('valid');
    expect(unknown.problems.find((p) => p.code === 'unknown-state-code')?.message).toBe('issuing state ASU is not in the ICAO / ISO 3166 code list');
    const malformed = read(['P<U<OERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', TD3[1]!]);
    expect(malformed.status).toBe('invalid');
    expect(errors(malformed)).toEqual(["issuing state U<O is not a state code: it must be letters padded with '<'"]);
  });
});

describe('parseMrz: problems an officer can read', () => {
  it('names a wrong check digit and its expected value', () => {
    const r = read(put(TD3, 2, 20, '4'));
    expect(r.status).toBe('invalid');
    expect(errors(r)).toEqual(['birth date check digit is 4, expected 2', 'composite check digit is 0, expected 6']);
    expect(r.checks.find((c) => c.field === 'birthDate')).toEqual({ field: 'birthDate', printed: '4', expected: '2', ok: false });
  });

  it('names the personal number and composite check digits', () => {
    const r = read(put(TD3, 2, 43, '2'));
    expect(errors(r)).toEqual(['personal number check digit is 2, expected 1', 'composite check digit is 0, expected 1']);
    expect(errors(read(put(TD3, 2, 44, '7')))).toEqual(['composite check digit is 7, expected 0']);
  });

  it('accepts < or 0 as the check digit of an empty personal number, and nothing else', () => {
    const empty = ['P<CANMARTIN<<SARAH'.padEnd(44, '<'), 'ZE000509<9CAN8501019F2301147<<<<<<<<<<<<<<08'];
    expect(read(empty).status).toBe('valid');
    expect(read(put(empty, 2, 43, '<')).status).toBe('valid');
    expect(errors(read(put(empty, 2, 43, '5')))[0]).toBe('personal number check digit is 5, expected 0');
  });

  it('rejects a calendar date that does not exist even with correct check digits', () => {
    // 30 February, check digits recomputed: 750230 → 7, composite → 6
    const r = read(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7502307F1204159ZE184226B<<<<<16']);
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(r.status).toBe('invalid');
    expect(r.fields.birthDate).toBeNull();
    expect(r.fields.birthDateRaw).toBe('750230');
    expect(errors(r)).toEqual(['birth date 750230 is not a real date: February 1975 has 28 days']);
  });

  it('reports characters outside the MRZ alphabet', () => {
    const r = read(put(TD3, 2, 8, '*'));
    expect(r.status).toBe('invalid');
    expect(errors(r)).toContain("characters outside the MRZ alphabet (A–Z, 0–9, <): line 2 position 8 '*'");
    expect(errors(r)).toContain('document number check digit cannot be verified: the data it covers holds characters outside the MRZ alphabet');
  });

  it('says why unreadable text is not an MRZ', () => {
    const r = parseMrz('P<UTOERIKSSO', { referenceDate: REF });
    expect(r).toEqual({
      readable: false,
      problems: [
        { code: 'layout', severity: 'error', message: 'expected 2 lines of 44 or 36 characters or 3 lines of 30, got 1 line of 12', params: { lines: 1, lengths: '12' } },
      ],
      normalisations: [],
      lines: ['P<UTOERIKSSO'],
    });
  });

  it('points at the line of the wrong length', () => {
    const td1 = MRZ_SPECIMENS.find((s) => s.format === 'TD1')!.lines;
    const r = parseMrz([`${td1[0]}<`, td1[1], td1[2]].join('\n'), { referenceDate: REF });
    expect(r.readable).toBe(false);
    expect(r.problems.map((p) => p.message)).toEqual([
      'expected 2 lines of 44 or 36 characters or 3 lines of 30, got 3 lines of 31, 30 and 30',
      'line 1 has 31 characters; TD1 (ID card) lines have 30',
    ]);
    const short = parseMrz(`${TD3[0]}\n${TD3[1]!.slice(0, 43)}`, { referenceDate: REF });
    expect(short.problems.map((p) => p.message)).toEqual([
      'expected 2 lines of 44 or 36 characters or 3 lines of 30, got 2 lines of 44 and 43',
      'line 2 has 43 characters; TD3 (passport) and MRV-A lines have 44',
    ]);
  });

  it('says when there is nothing to read', () => {
    expect(parseMrz('', { referenceDate: REF })).toMatchObject({ readable: false, problems: [{ code: 'empty-input', message: 'no MRZ text: the input is empty' }] });
    expect(parseMrz(' \r\n ', { referenceDate: REF }).readable).toBe(false);
  });

  it('never throws, whatever it is given', () => {
    const junk: unknown[] = [null, undefined, 42, {}, [], '\u0000'.repeat(88), '<'.repeat(88), '^^^', 'é'.repeat(44) + '\n' + 'ü'.repeat(44), 'x'.repeat(100_000)];
    for (const j of junk) expect(() => parseMrz(j as string, { referenceDate: REF })).not.toThrow();
    expect(parseMrz(null as unknown as string, { referenceDate: REF }).readable).toBe(false);
  });

  it('reports an invalid reference date instead of guessing the century', () => {
    const r = read(TD3);
    expect(r.status).toBe('valid');
    const bad = parseMrz(TD3.join('\n'), { referenceDate: new Date('not a date') });
    expect(bad.readable && bad.status).toBe('invalid');
    expect(bad.readable && bad.fields.birthDate).toBeNull();
    expect(bad.problems.map((p) => p.code)).toContain('invalid-reference-date');
  });

  it('never reads the clock: the same text and reference date give the same result', () => {
    const a = parseMrz(TD3.join('\n'), { referenceDate: new Date('2030-01-01T00:00:00Z') });
    const b = parseMrz(TD3.join('\n'), { referenceDate: new Date('2030-01-01T00:00:00Z') });
    expect(a).toEqual(b);
    const old = parseMrz(TD3.join('\n'), { referenceDate: new Date('2010-01-01T00:00:00Z') });
    expect(old.readable && old.problems.map((p) => p.code)).not.toContain('expiry-out-of-range');
  });
});

describe('parseMrz: input formats', () => {
  it('reads lines joined with ^, CRLF, lower case and surrounding spaces alike', () => {
    const variants = [`${TD3[0]}^${TD3[1]}`, `${TD3[0]}\r\n${TD3[1]}\r\n`, `  ${TD3[0]!.toLowerCase()}  \n${TD3[1]!.toLowerCase()}`, TD3.join('')];
    const plain = read(TD3);
    for (const v of variants) {
      const r = read(v);
      expect(r.fields, v).toEqual(plain.fields);
      expect(r.status, v).toBe('valid');
      expect(r.normalisations.length, v).toBeGreaterThan(0);
    }
  });
});
