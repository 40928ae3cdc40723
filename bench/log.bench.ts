import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StationStore } from '../shared/node/db';
import { timeEach } from './harness/measure';
import type { Benchmark } from './harness/types';

const crossing = (i: number) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  recordedAt: new Date(Date.UTC(2021, 2, 1) + i * 1000).toISOString(),
  stationId: 'STN-BENCH',
  operatorId: null,
  direction: 'entry' as const,
  outcome: 'OK' as const,
  reasons: [{ code: 'mrz.valid', severity: 'info' as const, message: 'Passport zone read; all check digits are correct.' }],
  document: {
    format: 'TD3',
    documentCode: 'P',
    issuingState: 'TJK',
    documentNumber: `A${String(i).padStart(8, '0')}`,
    nationality: 'TJK',
    surname: 'JURAEV',
    givenNames: 'RUSTAM',
    birthDate: '1990-01-15',
    sex: 'M' as const,
    expiryDate: '2030-06-20',
  },
  scanSource: 'wedge' as const,
  note: null,
});

/** Durable single-crossing commits (WAL + synchronous=FULL, with the audit row) per second. */
export const logBenchmark: Benchmark = {
  name: 'log',
  title: 'Durable crossing log',
  async run(scale) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-bench-log-'));
    try {
      const count = scale === 'smoke' ? 20 : 3000;
      const store = StationStore.open(dir);
      const ours = timeEach(count, (i) => store.recordCrossing(crossing(i), 'station'));
      store.close();

      // Peer: the same row with a plain better-sqlite3 INSERT, same pragmas, no audit row, no transaction wrapper, no encryption.
      const raw = new Database(path.join(dir, 'raw.sqlite'));
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = FULL');
      raw.exec('CREATE TABLE crossings (id TEXT PRIMARY KEY, recorded_at TEXT, document_json TEXT, reasons_json TEXT)');
      const insert = raw.prepare('INSERT INTO crossings VALUES (?, ?, ?, ?)');
      const peer = timeEach(count, (i) => {
        const c = crossing(i);
        insert.run(c.id, c.recordedAt, JSON.stringify(c.document), JSON.stringify(c.reasons));
      });
      raw.close();
      const oursPerSecond = count / (ours.totalMs / 1000);
      const peerPerSecond = count / (peer.totalMs / 1000);
      return [
        {
          metric: `record ${count} crossings one commit each (ms per commit)`,
          ours: { name: 'StationStore.recordCrossing (+ audit row)', median: ours.median, p95: ours.p95, unit: 'ms', perSecond: oursPerSecond },
          peer: { name: 'plain better-sqlite3 INSERT', median: peer.median, p95: peer.p95, unit: 'ms', perSecond: peerPerSecond },
          ratio: peer.median / ours.median,
          goal: '≥ 2,000 crossings/s',
          goalMet: oursPerSecond >= 2000,
          note: 'both fsync on every commit (synchronous=FULL); ours also appends the hash-chained audit row in the same transaction and is encrypted at rest (SQLCipher 4 format), the peer is plaintext.',
        },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
