/**
 * Child process of the WAL power-loss simulation: records crossings in the station database (WAL, synchronous =
 * FULL, encrypted) and copies the database and WAL files at each point where SQLite has fsynced them: after a
 * commit returned (the WAL is synced) and after a checkpoint returned (the database is synced). The station's
 * automatic checkpoint runs inside a commit, after the commit's WAL sync; here it is switched off and the same
 * checkpoint runs as its own step every few commits, so every fsync point is one this process can copy at (no VFS
 * or fs shim: SQLite's I/O is native). A copy is made whole in a temporary folder, renamed `synced-<n>`, and only
 * then is a commit acknowledged (`ACK <id>`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE_NAME, StationStore } from '../../shared/node/db';
import { crossingAt } from '../support/export-station';

const [dataDir, snapshots, startAtArg, commitsArg] = process.argv.slice(2);
if (!dataDir || !snapshots) throw new Error('usage: wal-child <dataDir> <snapshotDir> <startAt> [<commits, then exit>]');
const last = commitsArg ? Number(startAtArg ?? 0) + Number(commitsArg) : Infinity;
let n = Number(startAtArg ?? 0);
const store = StationStore.open(dataDir);
store.database.pragma('wal_autocheckpoint = 0');
const CHECKPOINT_EVERY = 6;
const database = path.join(dataDir, DATABASE_FILE_NAME);
let previous: string | null = null;

let copies = 0;

/** Copies both files as synced now. */
function copySynced(): void {
  const staging = path.join(snapshots as string, 'staging');
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging);
  for (const suffix of ['', '-wal']) if (fs.existsSync(`${database}${suffix}`)) fs.copyFileSync(`${database}${suffix}`, path.join(staging, `${DATABASE_FILE_NAME}${suffix}`));
  copies += 1;
  const synced = path.join(snapshots as string, `synced-${String(copies).padStart(9, '0')}`);
  fs.renameSync(staging, synced);
  if (previous) fs.rmSync(previous, { recursive: true, force: true });
  previous = synced;
}

while (n < last) {
  n += 1;
  const saved = store.recordCrossing(crossingAt(n, Date.UTC(2021, 2, 1) + n * 1000, 'STN-WAL'), 'station');
  copySynced();
  process.stdout.write(`ACK ${saved.id}\n`);
  if (n % CHECKPOINT_EVERY === 0) {
    // PASSIVE, as the automatic one: copies WAL frames into the database, then fsyncs it (synchronous = FULL).
    store.database.pragma('wal_checkpoint(PASSIVE)');
    copySynced();
  }
}
store.close();
