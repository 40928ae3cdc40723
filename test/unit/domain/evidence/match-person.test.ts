import { describe, expect, it } from 'vitest';
import { matchPerson, type CertificateHolder, type PassportPerson } from '../../../../shared/domain/evidence';

const passport = (surname: string, givenNames: string, birthDate: string | null = '1979-04-14', birthDateRaw?: string): PassportPerson =>
  birthDateRaw === undefined ? { surname, givenNames, birthDate } : { surname, givenNames, birthDate, birthDateRaw };

const holder = (fields: Partial<CertificateHolder>): CertificateHolder => ({ birthDate: '1979-04-14', ...fields });

describe('matchPerson: names', () => {
  it('matches identical standardised names', () => {
    const m = matchPerson(holder({ surnameStandardised: 'IVANOV', givenNamesStandardised: 'IVAN' }), passport('IVANOV', 'IVAN'));
    expect(m.status).toBe('match');
    expect(m.name).toMatchObject({ status: 'same', score: 1, certificate: 'IVANOV, IVAN', passport: 'IVANOV, IVAN' });
  });

  it('matches Cyrillic originals against the Latin MRZ, and shows the original script', () => {
    const m = matchPerson(holder({ surname: 'Ҷураев', givenNames: 'Рустам' }), passport('JURAEV', 'RUSTAM'));
    expect(m.status).toBe('match');
    expect(m.name.certificateOriginal).toBe('Ҷураев, Рустам');
    const ru = matchPerson(holder({ surname: 'Иванов', givenNames: 'Иван', surnameStandardised: 'IVANOV', givenNamesStandardised: 'IVAN' }), passport('IVANOV', 'IVAN'));
    expect(ru.status).toBe('match');
    expect(ru.name.certificateOriginal).toBe('Иванов, Иван');
  });

  it('matches spelling variants of transliteration systems (DZHURAEV / JURAEV, KHOLMATOV / XOLMATOV)', () => {
    expect(matchPerson(holder({ surnameStandardised: 'DZHURAEV', givenNamesStandardised: 'RUSTAM' }), passport('JURAEV', 'RUSTAM')).name.status).toBe('similar');
    expect(matchPerson(holder({ surnameStandardised: 'XOLMATOV', givenNamesStandardised: 'SHERZOD' }), passport('KHOLMATOV', 'SHERZOD')).status).toBe('match');
  });

  it('matches surname and given names swapped on the certificate', () => {
    const m = matchPerson(holder({ surnameStandardised: 'RUSTAM', givenNamesStandardised: 'JURAEV' }), passport('JURAEV', 'RUSTAM'));
    expect(m.status).toBe('match');
    expect(m.name.status).toBe('swapped');
  });

  it('matches when one document leaves out the second given name', () => {
    const m = matchPerson(holder({ surnameStandardised: 'ERIKSSON', givenNamesStandardised: 'ANNA' }), passport('ERIKSSON', 'ANNA MARIA'));
    expect(m.status).toBe('match');
    expect(m.name.givenNamesPartial).toBe(true);
    const joined = matchPerson(holder({ surnameStandardised: 'ERIKSSON', givenNamesStandardised: 'ANNAMARIA' }), passport('ERIKSSON', 'ANNA MARIA'));
    expect(joined.status).toBe('match');
  });

  it('does not match another person, even with a similar given name', () => {
    for (const [s, g] of [
      ['PETROV', 'IVAN'],
      ['IVANOV', 'PAVEL'],
      ['JURAEV', 'RUSLAN'],
      ['KARIMOVA', 'DILNOZA'],
    ] as const) {
      const m = matchPerson(holder({ surnameStandardised: s, givenNamesStandardised: g }), passport('JURAEV', 'RUSTAM'));
      expect(m.status, `${s} ${g}`).toBe('mismatch');
      expect(m.name.status, `${s} ${g}`).toBe('different');
    }
  });
});

describe('matchPerson: dates of birth', () => {
  const names = { surnameStandardised: 'IVANOV', givenNamesStandardised: 'IVAN' };
  it('compares partial certificate dates only as far as they go', () => {
    expect(matchPerson(holder({ ...names, birthDate: '1979-04' }), passport('IVANOV', 'IVAN')).birthDate.status).toBe('compatible');
    expect(matchPerson(holder({ ...names, birthDate: '1979' }), passport('IVANOV', 'IVAN')).birthDate.status).toBe('compatible');
    expect(matchPerson(holder({ ...names, birthDate: '1979-04-14' }), passport('IVANOV', 'IVAN')).birthDate.status).toBe('same');
    expect(matchPerson(holder({ ...names, birthDate: '1979-05' }), passport('IVANOV', 'IVAN')).birthDate.status).toBe('different');
    expect(matchPerson(holder({ ...names, birthDate: '1980' }), passport('IVANOV', 'IVAN')).status).toBe('mismatch');
  });

  it('treats an empty certificate date as unknown, not as a mismatch', () => {
    const m = matchPerson(holder({ ...names, birthDate: '' }), passport('IVANOV', 'IVAN'));
    expect(m.birthDate.status).toBe('unknown');
    expect(m.status).toBe('match');
  });

  it('uses the raw MRZ date when the day or month is unknown (<<)', () => {
    expect(matchPerson(holder({ ...names, birthDate: '1979-04' }), passport('IVANOV', 'IVAN', null, '7904<<')).birthDate.status).toBe('compatible');
    expect(matchPerson(holder({ ...names, birthDate: '1979-04-14' }), passport('IVANOV', 'IVAN', null, '7905<<')).birthDate.status).toBe('different');
  });
});
