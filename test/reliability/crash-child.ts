/**
 * Child process of the crash test: records crossings in a loop and prints `ACK <id>` only after
 * recordCrossing has returned, i.e. after the commit. The parent kills it with SIGKILL at random.
 */
import { StationStore } from '../../shared/node/db';

const [dataDir, startAtArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: crash-child <dataDir> <startAt>');
let n = Number(startAtArg ?? 0);
const store = StationStore.open(dataDir);

function record(): void {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  store.recordCrossing(
    {
      id,
      recordedAt: new Date(Date.UTC(2021, 2, 1) + n * 1000).toISOString(),
      stationId: 'STN-CRASH',
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
        surname: 'JURAEV',
        givenNames: 'RUSTAM',
        birthDate: '1990-01-15',
        sex: 'M',
        expiryDate: '2030-06-20',
      },
      scanSource: 'wedge',
      note: 'x'.repeat(n % 400),
    },
    'station',
  );
  process.stdout.write(`ACK ${id}\n`);
}

// Synchronous bursts keep the process busy inside SQLite most of the time, where a kill hurts most.
for (;;) record();
