/**
 * Child process of the temp-folder test: SQLite reads SQLITE_TMPDIR once per process, so the purge runs here with
 * the variable pointed at a folder the parent watches. Records crossings with personal data, then runs the retention
 * purge with its rebuild (VACUUM) 60 days later and prints `DONE <purge as JSON>`. `--temp-store-file` undoes the
 * station's setting (the control run that shows the watcher sees SQLite's temporary files).
 */
import { RetentionService } from '../../shared/app/retention/retention-service';
import { silentLogger } from '../../shared/app';
import { StationStore } from '../../shared/node/db';
import { numberedCrossing } from './numbered-crossing';

const [dataDir, countArg, mode] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: purge-child <dataDir> <crossings> [--temp-store-file]');
const count = Number(countArg ?? 2000);
const store = StationStore.open(dataDir);
if (mode === '--temp-store-file') store.database.pragma('temp_store = FILE');

const start = Date.UTC(2021, 2, 1);
store.transaction(() => {
  for (let n = 1; n <= count; n += 1) {
    store.recordCrossing(numberedCrossing(n, { stationId: 'STN-TEMP', surname: 'TEMPFILEJURAEV', note: `spoke with TEMPFILEJURAEV ${'x'.repeat(n % 300)}` }), 'station');
  }
});
const nowMs = start + 60 * 24 * 60 * 60 * 1000;
// Today's crossing (no personal data of the watched name): an administrator's purge refuses when the clock is a day past the log.
store.recordCrossing(numberedCrossing(count + 1, { stationId: 'STN-TEMP', surname: 'TODAY', note: null, recordedAtMs: nowMs - 60_000 }), 'station');
const retention = new RetentionService({ store, now: () => new Date(nowMs), logger: silentLogger, actor: () => 'station', centralLink: () => false });
// Never exported: the administrator's confirmation names their count.
const purge = retention.purge({ compact: true, unexported: retention.preview(retention.days()).unexported });
store.close();
process.stdout.write(`DONE ${JSON.stringify(purge)}\n`);
