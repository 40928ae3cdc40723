import { describe, expect, it } from 'vitest';
import { pickLabResult, type ListedLabResult } from '../../../../shared/domain/lab-results';

const row = (listVersion: number, over: Partial<ListedLabResult['row']>): ListedLabResult => ({
  listVersion,
  row: {
    line: 2,
    documentNumber: 'FA7654321',
    nationality: 'UZB',
    holder: { surname: 'Алимов', givenNames: 'Бобур', birthDate: '1979-11-02' },
    sampleTime: '2021-06-01T09:20:00+06:00',
    testKind: 'pcr',
    result: 'negative',
    reference: 'R1',
    ...over,
  },
});

const ALIMOV = { documentNumber: 'FA7654321', nationality: 'UZB', surname: 'ALIMOV', givenNames: 'BOBUR', birthDate: '1979-11-02' };

describe('pickLabResult', () => {
  it('finds by document number first, the newest sample deciding', () => {
    const older = row(1, { reference: 'R1' });
    const newer = row(2, { reference: 'R2', sampleTime: '2021-06-02T07:00:00+06:00', result: 'positive' });
    expect(pickLabResult([older, newer], ALIMOV)).toMatchObject({ matchedBy: 'document', row: { reference: 'R2' } });
  });

  it('finds by name across scripts and birth date when the number differs; never a namesake of another birth date or nationality', () => {
    const listed = row(1, {});
    expect(pickLabResult([listed], { ...ALIMOV, documentNumber: 'FB0000017' })).toMatchObject({ matchedBy: 'identity' });
    expect(pickLabResult([listed], { ...ALIMOV, documentNumber: 'FB0000017', birthDate: '1979-11-03' })).toBeUndefined();
    expect(pickLabResult([listed], { ...ALIMOV, documentNumber: 'FB0000017', nationality: 'TJK' })).toBeUndefined();
    expect(pickLabResult([listed], { ...ALIMOV, documentNumber: 'FB0000017', surname: 'KARIMOV' })).toBeUndefined();
    expect(pickLabResult([listed], { ...ALIMOV, documentNumber: 'FB0000017', birthDate: null })).toBeUndefined();
  });
});
