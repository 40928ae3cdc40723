import type { NewCrossing } from '../../shared/node/db';

const DAY1 = Date.UTC(2021, 2, 1);

/**
 * Crossing number `n` of a child process that records in a loop: an id, a document number and a time (one second
 * apart from 1 March 2021) all derived from `n`, so the parent can name each acknowledged crossing and find it again.
 */
export function numberedCrossing(n: number, options: { stationId: string; surname: string; note: string | null; recordedAtMs?: number }): NewCrossing {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    recordedAt: new Date(options.recordedAtMs ?? DAY1 + n * 1000).toISOString(),
    stationId: options.stationId,
    operatorId: null,
    direction: n % 2 === 0 ? 'entry' : 'exit',
    outcome: 'OK',
    reasons: [{ code: 'mrz.valid', severity: 'info', message: 'Passport zone read; all check digits are correct.' }],
    document: {
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'TJK',
      documentNumber: `C${String(n).padStart(8, '0')}`,
      nationality: 'TJK',
      surname: options.surname,
      givenNames: 'RUSTAM',
      birthDate: '1990-01-15',
      sex: 'M',
      expiryDate: '2030-06-20',
    },
    scanSource: 'wedge',
    note: options.note,
  };
}
