/**
 * Child process of the temp-folder test: SQLite reads SQLITE_TMPDIR once per process, so the purge runs here with
 * the variable pointed at a folder the parent watches. Records crossings with personal data, then runs the retention
 * purge with its rebuild (VACUUM) 60 days later and prints `DONE <purge as JSON>`. `--temp-store-file` undoes the
 * station's setting (the control run that shows the watcher sees SQLite's temporary files).
 */
import { RetentionService } from '../../shared/app/retention/retention-service';
import { silentLogger } from '../../shared/app';
import { StationStore } from '../../shared/node/db';

const [dataDir, countArg, mode] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: purge-child <dataDir> <crossings> [--temp-store-file]');
const count = Number(countArg ?? 2000);
const store = StationStore.open(dataDir);
if (mode === '--temp-store-file') store.database.pragma('temp_store = FILE');

const start = Date.UTC(2021, 2, 1);
store.transaction(() => {
  for (let n = 1; n <= count; n += 1) {
    store.recordCrossing(
      {
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        recordedAt: new Date(start + n * 1000).toISOString(),
        stationId: 'STN-TEMP',
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
          surname: 'TEMPFILEJURAEV',
          givenNames: 'RUSTAM',
          birthDate: '1990-01-15',
          sex: 'M',
          expiryDate: '2030-06-20',
        },
        scanSource: 'wedge',
        note: `spoke with TEMPFILEJURAEV ${'x'.repeat(n % 300)}`,
      },
      'station',
    );
  }
});
const nowMs = start + 60 * 24 * 60 * 60 * 1000;
// Today's crossing (no personal data of the watched name): an administrator's purge refuses when the clock is a day past the log.
store.recordCrossing({ id: '00000000-0000-4000-9000-000000000001', recordedAt: new Date(nowMs - 60_000).toISOString(), stationId: 'STN-TEMP', operatorId: null, direction: 'entry', outcome: 'OK', reasons: [], document: { format: 'TD3', documentCode: 'P', issuingState: 'TJK', documentNumber: 'D00000001', nationality: 'TJK', surname: 'TODAY', givenNames: 'ANVAR', birthDate: '1991-02-03', sex: 'M', expiryDate: '2031-01-01' }, scanSource: 'wedge', note: null }, 'station');
const retention = new RetentionService({ store, now: () => new Date(nowMs), logger: silentLogger, actor: () => 'station', centralLink: () => false });
// Never exported: the administrator's confirmation names their count.
const purge = retention.purge({ compact: true, unexported: retention.preview(retention.days()).unexported });
store.close();
process.stdout.write(`DONE ${JSON.stringify(purge)}\n`);
