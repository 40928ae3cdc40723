import { describe, expect, it } from 'vitest';
import { buildMrz, MRZ_SPECIMENS, parseMrz, type MrzDocumentInput } from '../../../../shared/domain/mrz';

const REF = new Date('2025-06-01T00:00:00Z');
const specimen = (name: string): readonly string[] => MRZ_SPECIMENS.find((s) => s.name.startsWith(name))!.lines;

const ANNA: Omit<MrzDocumentInput, 'format' | 'documentCode'> = {
  issuingState: 'UTO',
  surname: 'Eriksson',
  givenNames: 'Anna Maria',
  documentNumber: 'L898902C3',
  nationality: 'UTO',
  birthDate: '1974-08-12',
  sex: 'F',
  expiryDate: '2012-04-15',
  optionalData: 'ZE184226B',
};

const lines = (input: MrzDocumentInput): string[] => {
  const r = buildMrz(input);
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join('; '));
  return r.value.lines;
};

describe('buildMrz', () => {
  it('builds the ICAO TD3 specimen, every check digit included', () => {
    expect(lines({ ...ANNA, format: 'TD3', documentCode: 'P' })).toEqual(specimen('ICAO TD3'));
  });

  it('builds the TD1, TD2 and visa specimens', () => {
    const card = { ...ANNA, documentNumber: 'D23145890', optionalData: '' };
    expect(lines({ ...card, format: 'TD1', documentCode: 'I' })).toEqual(specimen('ICAO TD1'));
    expect(lines({ ...card, format: 'TD2', documentCode: 'I' })).toEqual(specimen('ICAO TD2'));
    const visa = { ...ANNA, documentNumber: 'L8988901C', nationality: 'XXX', birthDate: '400907', expiryDate: '961210' };
    expect(lines({ ...visa, format: 'MRVA', documentCode: 'V', optionalData: '6ZE184226B' })).toEqual(specimen('ICAO MRV-A'));
    expect(lines({ ...visa, format: 'MRVB', documentCode: 'V', optionalData: '' })).toEqual(specimen('ICAO MRV-B'));
  });

  it('places a long TD1 document number in the optional data with its check digit', () => {
    const built = lines({ ...ANNA, format: 'TD1', documentCode: 'I', documentNumber: 'D23145890734', optionalData: 'ABC', expiryDate: '2033-04-15' });
    expect(built[0]).toBe('I<UTOD23145890<7349<ABC<<<<<<<');
    const r = parseMrz(built.join('\n'), { referenceDate: REF });
    expect(r.readable && r.status).toBe('valid');
    expect(r.readable && r.fields.documentNumber).toBe('D23145890734');
    expect(r.readable && r.fields.optionalData).toBe('ABC');
  });

  it('transliterates names and pads the Germany code', () => {
    const built = lines({ ...ANNA, format: 'TD3', documentCode: 'P', issuingState: 'D', nationality: 'D', surname: 'Müller-Lüdenscheidt', givenNames: 'Hans Peter', documentNumber: 'C4J6R0H17', birthDate: '1983-07-14', sex: 'M', expiryDate: '2031-03-02', optionalData: '' });
    expect(built).toEqual(specimen('German'));
  });

  it('builds the French identity card', () => {
    const built = lines({ format: 'FRENCH_ID', documentCode: 'ID', issuingState: 'FRA', surname: 'Dupont', givenNames: 'Marie Claire', documentNumber: '150675012345', birthDate: '1988-05-17', sex: 'F', optionalData: '075001' });
    expect(built).toEqual(specimen('French'));
  });

  it('reports a name that does not fit', () => {
    const r = buildMrz({ ...ANNA, format: 'TD1', documentCode: 'I', surname: 'Wolfeschlegelsteinhausenbergerdorff', givenNames: 'Hubert' });
    expect(r.ok && r.value.nameTruncated).toBe(true);
    expect(r.ok && r.value.lines[2]).toBe('WOLFESCHLEGELSTEINHAUSENBERGER');
  });

  it('takes dates as officers of the region type them: DD.MM.YYYY, DD.MM.YY, ISO or YYMMDD give the same lines', () => {
    const typed = (birthDate: string, expiryDate: string) => {
      const r = buildMrz({ ...ANNA, format: 'TD3', documentCode: 'P', birthDate, expiryDate });
      return r.ok ? r.value.lines : r.error.map((p) => p.message);
    };
    const iso = typed('1974-08-12', '2031-04-15');
    expect(iso[1]).toContain('740812');
    expect(typed('12.08.1974', '15.04.2031')).toEqual(iso);
    expect(typed('12.08.74', '15.04.31')).toEqual(iso);
    expect(typed('12/8/1974', '15-04-2031')).toEqual(iso);
    expect(typed('740812', '310415')).toEqual(iso);
  });

  it('rejects what cannot be written', () => {
    const tooLong = buildMrz({ ...ANNA, format: 'TD3', documentCode: 'P', documentNumber: 'L898902C3456' });
    expect(tooLong.ok).toBe(false);
    expect(!tooLong.ok && tooLong.error.map((p) => p.message)).toEqual(['document number has 12 characters; at most 9 fit in TD3']);
    const badDate = buildMrz({ ...ANNA, format: 'TD3', documentCode: 'P', birthDate: '31.02.1974' });
    expect(!badDate.ok && badDate.error.map((p) => p.message)).toEqual(['birth date 31.02.1974 must be DD.MM.YYYY, YYYY-MM-DD or YYMMDD']);
    const monthFirst = buildMrz({ ...ANNA, format: 'TD3', documentCode: 'P', expiryDate: '1974/08/12' });
    expect(!monthFirst.ok && monthFirst.error.map((p) => p.message)).toEqual(['expiry date 1974/08/12 must be DD.MM.YYYY, YYYY-MM-DD or YYMMDD']);
    const badOptional = buildMrz({ ...ANNA, format: 'TD3', documentCode: 'P', optionalData: 'ÄÖ' });
    expect(!badOptional.ok && badOptional.error.map((p) => p.message)).toEqual(['personal number may only hold letters, digits and spaces']);
  });
});
