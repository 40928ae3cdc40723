/**
 * A power cut, simulated without a VFS: what the disk holds after it is what was fsynced, plus any subset of the
 * writes made since (in any order, sector by sector; a file's new length may or may not have reached the disk).
 * A child records crossings and, each time a commit has returned (synchronous = FULL: the WAL was fsynced, and a
 * checkpoint run by the commit fsynced the database), copies the database and WAL as synced. The parent freezes it
 * (SIGSTOP) at a random moment — mid-transaction, mid-checkpoint or mid-restart of the WAL — copies the files as
 * the page cache holds them, kills it, and builds power-loss images: the synced copy with a random subset of the
 * sectors that changed since, at a random length between. Each image is opened as the station opens it (WAL
 * recovery without the shared-memory file, which a power cut loses) and must hold every acknowledged crossing with
 * its audit row and content hash, a whole file and a verifying chain. Control: the same synced copy with its WAL
 * removed loses acknowledged crossings, so the check sees a loss when there is one. WAL_LOSS_ROUNDS rounds of
 * WAL_LOSS_IMAGES images (never fewer than the defaults in CI).
 *
 * That the copy points are fsync points is observed, not assumed, where strace is installed: the child's fsync and
 * write system calls show a sync of the WAL before every acknowledgement and of the database after every checkpoint.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, DATABASE_KEY_FILE, StationStore } from '../../shared/node/db';
import { checkAcknowledged, roundsFrom } from './acknowledged';
import { buildChild, seededRandom, type BuiltChild } from './kill-harness';

const ROUNDS = roundsFrom('WAL_LOSS_ROUNDS', 3);
const IMAGES = roundsFrom('WAL_LOSS_IMAGES', 10);
const FREEZE_WINDOW_MS = 1_500;
const SECTOR = 512;
const random = seededRandom();
let child: BuiltChild;

beforeAll(async () => {
  child = await buildChild('test/reliability/wal-child.ts');
});

afterAll(() => child?.dispose());

interface Frozen {
  readonly acked: string[];
  /** The database and WAL as last synced (after the newest acknowledged commit or later). */
  readonly synced: string;
  /** The database and WAL as the page cache held them at the freeze. */
  readonly live: string;
}

/** Runs the child until a random moment after its first acknowledgement, freezes it, copies the live files, kills it. */
function runAndFreeze(dataDir: string, snapshots: string, live: string, startAt: number): Promise<Frozen> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child.script, dataDir, snapshots, String(startAt)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const freeze = () => {
      proc.kill('SIGSTOP');
      fs.mkdirSync(live, { recursive: true });
      for (const suffix of ['', '-wal']) {
        const file = path.join(dataDir, `${DATABASE_FILE_NAME}${suffix}`);
        if (fs.existsSync(file)) fs.copyFileSync(file, path.join(live, `${DATABASE_FILE_NAME}${suffix}`));
      }
      proc.kill('SIGKILL');
    };
    proc.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ACK ')) acked.push(line.slice(4));
      if (timer === undefined && acked.length > 0) timer = setTimeout(freeze, Math.floor(random() * FREEZE_WINDOW_MS));
    });
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`child ended without being killed: ${stderr}`));
      const newest = fs.readdirSync(snapshots).filter((name) => name.startsWith('synced-')).sort().at(-1);
      if (!newest) return reject(new Error('no synced copy was made'));
      resolve({ acked, synced: path.join(snapshots, newest), live });
    });
  });
}

const read = (dir: string, suffix: string): Buffer => {
  const file = path.join(dir, `${DATABASE_FILE_NAME}${suffix}`);
  return fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0);
};

/** The synced bytes plus a random subset of the sectors written since, at a random length between the two. */
function afterPowerCut(synced: Buffer, live: Buffer): Buffer {
  const shorter = Math.min(synced.length, live.length);
  const longer = Math.max(synced.length, live.length);
  const length = random() < 0.5 ? synced.length : Math.min(longer, shorter + Math.ceil((random() * (longer - shorter)) / SECTOR) * SECTOR);
  const image = Buffer.alloc(length);
  synced.copy(image, 0, 0, Math.min(synced.length, length));
  const keepNew = random();
  for (let at = 0; at < length; at += SECTOR) {
    const end = Math.min(at + SECTOR, length);
    const fresh = live.subarray(at, Math.min(end, live.length));
    const old = synced.subarray(at, Math.min(end, synced.length));
    if (fresh.equals(old)) continue;
    if (random() < keepNew) fresh.copy(image, at);
  }
  return image;
}

function openImage(dir: string, db: Buffer, wal: Buffer | null, key: Buffer): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dir, DATABASE_KEY_FILE), key, { mode: 0o600 });
  fs.writeFileSync(path.join(dir, DATABASE_FILE_NAME), db, { mode: 0o600 });
  if (wal) fs.writeFileSync(path.join(dir, `${DATABASE_FILE_NAME}-wal`), wal, { mode: 0o600 });
  // Opened as the station opens it: WAL recovery, then the migrations check.
  StationStore.open(dir).close();
  return dir;
}

describe('WAL power-loss simulation', () => {
  it(`loses no acknowledged crossing in ${ROUNDS} × ${IMAGES} power-cut images`, async () => {
    const dataDir = path.join(child.workDir, 'station');
    const acknowledged = new Set<string>();
    let next = 0;
    let images = 0;
    let controlLosses = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const work = path.join(child.workDir, `round-${round}`);
      const snapshots = path.join(work, 'snapshots');
      fs.mkdirSync(snapshots, { recursive: true });
      const frozen = await runAndFreeze(dataDir, snapshots, path.join(work, 'live'), next);
      for (const id of frozen.acked) acknowledged.add(id);
      next += frozen.acked.length + 10_000;
      const key = fs.readFileSync(path.join(dataDir, DATABASE_KEY_FILE));
      const [syncedDb, syncedWal, liveDb, liveWal] = [read(frozen.synced, ''), read(frozen.synced, '-wal'), read(frozen.live, ''), read(frozen.live, '-wal')];
      for (let n = 1; n <= IMAGES; n += 1) {
        const image = openImage(path.join(work, `image-${n}`), afterPowerCut(syncedDb, liveDb), afterPowerCut(syncedWal, liveWal), key);
        const check = checkAcknowledged(image, acknowledged);
        expect(check, `round ${round}, image ${n}`).toEqual({ integrity: 'ok', lost: [], withoutAudit: [], content: [], auditChain: true });
        images += 1;
      }
      // Control: the synced database without its synced WAL (the commits not yet checkpointed are gone).
      const control = checkAcknowledged(openImage(path.join(work, 'control'), syncedDb, null, key), acknowledged);
      controlLosses += control.lost.length;
      fs.rmSync(work, { recursive: true, force: true });
    }
    expect(controlLosses, 'the check sees acknowledged crossings lost with the synced WAL dropped').toBeGreaterThan(0);
    console.log(`WAL power loss: ${acknowledged.size} acknowledged crossings, ${images} images, none lost; the controls lost ${controlLosses}`);
  });
});

const strace = spawnSync('strace', ['-V']).status === 0;

describe('the copy points are fsync points', () => {
  it.skipIf(!strace)('every acknowledgement follows an fsync of the WAL, every checkpoint an fsync of the database (strace)', () => {
    const work = path.join(child.workDir, 'traced');
    fs.mkdirSync(path.join(work, 'snapshots'), { recursive: true });
    const trace = path.join(work, 'trace');
    const commits = 12;
    const run = spawnSync('strace', ['-f', '-qq', '-y', '-e', 'trace=fsync,fdatasync,write', '-o', trace, process.execPath, child.script, path.join(work, 'station'), path.join(work, 'snapshots'), '0', String(commits)], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    // One event per line: a sync of the WAL or database, or an acknowledgement written to stdout.
    const events = fs
      .readFileSync(trace, 'utf8')
      .split('\n')
      .map((line) => (/sync\(\d+<[^>]*station\.sqlite-wal>\) = 0/.test(line) ? 'wal' : /sync\(\d+<[^>]*station\.sqlite>\) = 0/.test(line) ? 'db' : /write\(1<[^>]*>, "ACK /.test(line) ? 'ack' : null))
      .filter((event) => event !== null);
    const between: string[][] = [[]];
    for (const event of events) {
      if (event === 'ack') between.push([]);
      else between.at(-1)?.push(event);
    }
    // between[i]: the syncs after acknowledgement i (0: before the first).
    expect(between).toHaveLength(commits + 1);
    for (let i = 0; i < commits; i += 1) expect(between[i], `before acknowledgement ${i + 1}`).toContain('wal');
    // The child checkpoints after every sixth commit: the database is synced before the next commit's acknowledgement.
    expect(between[6]).toContain('db');
  });
});
