/**
 * Kill during the first encryption: a database written by an earlier, unencrypted version is
 * encrypted in place on first start. A child does that on a copy of a 10 MB plaintext database and is
 * SIGKILLed at a random moment; afterwards the station opens the file (finishing the encryption if it was
 * cut short) with every row, integrity ok, and the file on disk encrypted.
 */
import fs from 'node:fs';
import path from 'node:path';
import PlainDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, ENCRYPTING_SUFFIX, databaseFileState, migrate, openStationDatabase } from '../../shared/node/db';
import { buildChild, runAndKill, seededRandom, type BuiltChild } from './kill-harness';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 50) / 2;
const ROWS = 20_000;
const random = seededRandom();
let child: BuiltChild;
let original: string;

beforeAll(async () => {
  child = await buildChild('test/reliability/encrypt-child.ts');
  original = path.join(child.workDir, 'plaintext.sqlite');
  const db = new PlainDatabase(original);
  migrate(db);
  const insert = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
  db.transaction(() => {
    for (let i = 0; i < ROWS; i += 1) insert.run(`filler.${i}`, `JURAEV RUSTAM ${'x'.repeat(400)}`);
  })();
  db.close();
});
afterAll(() => child.dispose());

describe('crash test: SIGKILL while encrypting a plaintext database in place', () => {
  it(`never loses a row and ends encrypted, over ${ROUNDS} kills`, async () => {
    const outcomes = { untouched: 0, interrupted: 0, finished: 0 };
    const freshStation = (name: string): string => {
      const dataDir = path.join(child.workDir, name);
      fs.mkdirSync(dataDir);
      fs.copyFileSync(original, path.join(dataDir, DATABASE_FILE_NAME));
      return dataDir;
    };
    // How long the encryption of 10 MB takes on this machine (a busy CI box and an idle PC differ tenfold):
    // the kills are aimed inside that time, so they land in the middle of it rather than after it.
    const calibration = await runAndKill(child.script, [freshStation('calibration')], 30_000);
    const encryptMs = Number(calibration.find((ack) => ack.startsWith('encrypted '))?.slice('encrypted '.length) ?? 1000);
    for (let round = 1; round <= ROUNDS; round += 1) {
      const dataDir = freshStation(`station-${round}`);
      const acks = await runAndKill(child.script, [dataDir], Math.floor(random() * encryptMs * 1.2));
      const state = databaseFileState(path.join(dataDir, DATABASE_FILE_NAME));
      // Cut short: the encrypted copy was being written, the station file itself not yet replaced.
      const interrupted = fs.existsSync(path.join(dataDir, `${DATABASE_FILE_NAME}${ENCRYPTING_SUFFIX}`));
      outcomes[acks.some((ack) => ack.startsWith('encrypted')) ? 'finished' : interrupted ? 'interrupted' : 'untouched'] += 1;

      const db = openStationDatabase(dataDir);
      expect(db.pragma('integrity_check', { simple: true }), `round ${round} (${state})`).toBe('ok');
      expect(db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'filler.%'").pluck().get(), `round ${round} (${state})`).toBe(ROWS);
      db.close();
      expect(databaseFileState(path.join(dataDir, DATABASE_FILE_NAME))).toBe('encrypted');
      expect(fs.readFileSync(path.join(dataDir, DATABASE_FILE_NAME)).includes('JURAEV RUSTAM'), `round ${round} (${state})`).toBe(false);
      // The half-encrypted copy of a cut-short round is gone once the station has started.
      expect(fs.readdirSync(dataDir).filter((name) => name.includes(ENCRYPTING_SUFFIX)), `round ${round}`).toEqual([]);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    // The kills did land in the middle of the encryption (a rollback journal was left), or this proved little.
    expect(outcomes.interrupted, JSON.stringify(outcomes)).toBeGreaterThan(0);
  });
});
