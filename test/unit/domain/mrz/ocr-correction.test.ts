import { describe, expect, it } from 'vitest';
import { buildMrz, MRZ_SPECIMENS, parseMrz, type MrzReadable } from '../../../../shared/domain/mrz';

const REF = new Date('2025-06-01T00:00:00Z');
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const specimen = (name: string): readonly string[] => MRZ_SPECIMENS.find((s) => s.name.startsWith(name))!.lines;

const read = (lines: readonly string[], ocrCorrection = true): MrzReadable => {
  const r = parseMrz(lines.join('\n'), { referenceDate: REF, ocrCorrection });
  if (!r.readable) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r;
};
const put = (lines: readonly string[], line: number, position: number, ch: string): string[] =>
  lines.map((l, i) => (i === line - 1 ? l.slice(0, position - 1) + ch + l.slice(position) : l));
const errors = (r: MrzReadable): string[] => r.problems.filter((p) => p.severity === 'error').map((p) => p.message);

describe('OCR correction by character class', () => {
  it('maps a letter in a date back to its digit and re-checks', () => {
    const bad = put(TD3, 2, 16, 'O'); // birth date 74O812
    const r = read(bad);
    expect(r.status).toBe('valid-after-correction');
    expect(r.corrections).toEqual([{ field: 'birthDate', line: 2, position: 16, from: 'O', to: '0', basis: 'character-class' }]);
    expect(r.lines).toEqual(TD3);
    expect(r.fields.birthDate).toBe('1974-08-12');
    expect(r.checks.every((c) => c.ok)).toBe(true);
  });

  it('reads the same text as printed when correction is off', () => {
    const r = read(put(TD3, 2, 16, 'O'), false);
    expect(r.status).toBe('invalid');
    expect(r.corrections).toEqual([]);
    expect(r.fields.birthDate).toBeNull();
    expect(r.fields.birthDateRaw).toBe('74O812');
    expect(errors(r)).toEqual([
      'birth date 74O812 contains characters other than digits',
      'birth date check digit is 2, expected 6',
      'composite check digit is 0, expected 8',
    ]);
  });

  it('catches G for 6 even though every check digit still agrees (G = 16 ≡ 6)', () => {
    const kaz = specimen('Kazakh');
    const garbled = put(kaz, 2, 20, 'G'); // birth date check digit 6 read as G
    expect(read(garbled, false).checks.find((c) => c.field === 'birthDate')).toEqual({ field: 'birthDate', printed: 'G', expected: '6', ok: false });
    expect(errors(read(garbled, false))).toContain("birth date check digit is 'G', which is not a digit (expected 6)");
    const r = read(garbled);
    expect(r.status).toBe('valid-after-correction');
    expect(r.corrections).toEqual([{ field: 'birthDateCheckDigit', line: 2, position: 20, from: 'G', to: '6', basis: 'character-class' }]);
  });

  it('corrects every look-alike of a badly read line and names each correction', () => {
    const bad = ['I<UTOERIK55ON<<ANNA<MAR1A<<<<<<<<<<<', 'D231458907UT0740BIZZF12O4IS9<<<<<<<G'];
    const r = read(bad);
    expect(r.status).toBe('valid-after-correction');
    expect(r.lines).toEqual(specimen('ICAO TD2'));
    expect(r.corrections.map((c) => `${c.field}@${c.line}:${c.position} ${c.from}→${c.to}`)).toEqual([
      'surname@1:10 5→S',
      'surname@1:11 5→S',
      'givenNames@1:24 1→I',
      'nationality@2:13 0→O',
      'birthDate@2:17 B→8',
      'birthDate@2:18 I→1',
      'birthDate@2:19 Z→2',
      'birthDateCheckDigit@2:20 Z→2',
      'expiryDate@2:24 O→0',
      'expiryDate@2:26 I→1',
      'expiryDate@2:27 S→5',
      'compositeCheckDigit@2:36 G→6',
    ]);
  });

  it('never changes a name silently: a corrected name carries a warning', () => {
    const r = read(['P<UTOER1KSSON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<', TD3[1]!]);
    expect(r.fields.surname).toBe('ERIKSSON');
    expect(r.fields.givenNames).toBe('ANNA MARIA');
    const warnings = r.problems.filter((p) => p.code === 'name-corrected');
    expect(warnings.map((p) => p.field)).toEqual(['surname', 'givenNames']);
    expect(warnings[0]!.message).toBe(
      'surname contained digits, which names cannot hold; read them as letters (1→I): compare the name with the printed page',
    );
  });

  it('leaves a digit without a look-alike letter in a name as an error', () => {
    const r = read(['P<UTOER7KSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', TD3[1]!]);
    expect(r.status).toBe('invalid');
    expect(errors(r)).toEqual(["surname contains '7'; names in the MRZ hold only letters and '<'"]);
  });
});

describe('ambiguity the 7-3-1 scheme cannot resolve', () => {
  it('flags < in a date instead of guessing 0 (both count 0 in the check digit)', () => {
    const bad = put(TD3, 2, 16, '<'); // birth date 74<812
    const r = read(bad);
    expect(r.checks.every((c) => c.ok)).toBe(true);
    expect(r.corrections).toEqual([]);
    expect(r.status).toBe('invalid');
    expect(r.fields.birthDate).toBeNull();
    expect(r.problems.find((p) => p.code === 'date-filler-ambiguous')?.message).toBe(
      "birth date 74<812 has fillers '<' where digits belong: either part of the date is unknown or a 0 was misread; the check digit cannot tell them apart",
    );
  });

  it('flags a filler printed as a check digit where 0 is expected', () => {
    const filled = ['P<NLDMEULENDIJK<<LOES<ALBERTINE<<<<<<<<<<<<<', 'XX00000000NLD7110195F1108280123456782<<<<<<2'];
    const r = read(filled);
    expect(r.status).toBe('invalid');
    expect(r.problems.find((p) => p.code === 'check-digit-filler')?.message).toBe(
      "personal number check digit is a filler '<', expected 0: a '<' counts as 0 in check-digit arithmetic, so this may be a misread 0 — verify on the document",
    );
  });

  it('keeps blind spots as printed: S for 8 in a document number passes every check', () => {
    const r = read(put(TD3, 2, 2, 'S'));
    expect(r.status).toBe('valid');
    expect(r.fields.documentNumber).toBe('LS98902C3');
    expect(r.corrections).toEqual([]);
  });

  it('warns about fillers read as K in a name, which no check digit covers', () => {
    const r = read(['P<UTOERIKSSON<<ANNA<MARIA<<KK<<<<<<<<<<<<<<<', TD3[1]!]);
    expect(r.status).toBe('valid');
    expect(r.problems.find((p) => p.code === 'name-filler-read-as-k')?.severity).toBe('warning');
  });
});

describe('OCR correction by check digits (document and personal numbers)', () => {
  it('undoes O for 0 in a passport number when both the field and the composite check digit agree', () => {
    const r = read(put(TD3, 2, 6, 'O')); // L8989O2C3
    expect(r.status).toBe('valid-after-correction');
    expect(r.fields.documentNumber).toBe('L898902C3');
    expect(r.corrections).toEqual([{ field: 'documentNumber', line: 2, position: 6, from: 'O', to: '0', basis: 'check-digit' }]);
    expect(r.problems.find((p) => p.code === 'verify-correction')?.message).toBe(
      'document number read with 0 instead of O at line 2 position 6: the only look-alike that satisfies its check digit and the composite check digit; compare with the printed number',
    );
  });

  it('corrects the document and the personal number together when both fail', () => {
    const r = read(['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8989O2C36UTO7408122F1204159ZEI84226B<<<<<10']);
    expect(r.lines).toEqual(TD3);
    expect(r.corrections.map((c) => c.field)).toEqual(['documentNumber', 'optionalData']);
  });

  it('undoes O for 0 in a visa number on the strength of its own check digit', () => {
    const mrvb = specimen('ICAO MRV-B');
    const r = read(put(mrvb, 2, 7, 'O'));
    expect(r.lines).toEqual(mrvb);
    expect(r.problems.find((p) => p.code === 'verify-correction')?.message).toContain('there is no composite check digit');
  });

  it('refuses to choose between two corrections that satisfy the check digits alike', () => {
    // A visa number with a real letter O; the reader turns the 0 at the same weight (7-3-1) into O as well.
    const built = buildMrz({ format: 'MRVB', documentCode: 'V', issuingState: 'FIN', surname: 'Virtanen', givenNames: 'Aino', documentNumber: 'AO1204567', nationality: 'FIN', birthDate: '1990-01-01', sex: 'F', expiryDate: '2026-01-01' });
    if (!built.ok) throw new Error('fixture');
    const bad = put(built.value.lines, 2, 5, 'O'); // AO12O4567: O at positions 2 and 5 weigh 3 each
    const r = read(bad);
    expect(r.status).toBe('invalid');
    expect(r.corrections).toEqual([]);
    expect(r.problems.find((p) => p.code === 'ambiguous-correction')?.message).toBe(
      'several look-alike corrections satisfy the check digits (position 2 O→0; position 5 O→0); re-scan or read the printed number',
    );
  });

  it('does not touch a number when a check digit itself was misread', () => {
    for (let d = 0; d <= 9; d++) {
      if (d === 6) continue;
      const r = read(put(TD3, 2, 10, String(d)));
      expect(r.status).toBe('invalid');
      expect(r.corrections).toEqual([]);
    }
  });

  it('does not trade a misread check digit of a long TD1 number for a look-alike in its overflow', () => {
    // D23145890123, check digit 3 read as 2; 2→Z in the overflow would satisfy both check digits too.
    const bad = ['I<UTOD23145890<1232<<<<<<<<<<<', '7408122F3304156UTO<<<<<<<<<<<8', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
    const r = read(bad);
    expect(r.status).toBe('invalid');
    expect(r.corrections).toEqual([]);
    expect(r.problems.find((p) => p.code === 'ambiguous-correction')?.message).toBe(
      'either a check digit or a look-alike character (position 17 2→Z) was misread; the check digits cannot tell which',
    );
  });

  it('does not correct a valid MRZ', () => {
    for (const s of MRZ_SPECIMENS) expect(read(s.lines).corrections, s.name).toEqual([]);
  });
});
