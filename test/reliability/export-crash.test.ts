/**
 * Kill during export: a child writes daily bundles in a loop; the parent SIGKILLs it at random
 * moments, ≥ 50 rounds (`CRASH_ROUNDS`) into the same export folder. After every kill: each entry in the
 * folder is either a complete bundle that verifies (signature, hashes, row counts) or a staging folder
 * clearly marked by its hidden `.partial-` name (the next export removes it); every acknowledged bundle is
 * there; the database passes integrity_check and the audit chain verifies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBundle } from '../../shared/domain/export';
import { openStationDatabase } from '../../shared/node/db';
import { readBundle } from '../../shared/node/export';
import { DAY1_START, openTestStation } from '../support/export-station';
import { buildChild, runAndKill, seededRandom, type BuiltChild } from './kill-harness';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 50);
const random = seededRandom();
let child: BuiltChild;

beforeAll(async () => {
  child = await buildChild('test/reliability/export-child.ts');
});
afterAll(() => child.dispose());

const isPartial = (name: string) => name.startsWith('.checkpoint-export-') && name.includes('.partial-');

describe('crash test: SIGKILL while exporting bundles', () => {
  it(`leaves only complete, verifiable bundles or marked partial folders over ${ROUNDS} kills`, async () => {
    const dataDir = path.join(child.workDir, 'station');
    const outDir = path.join(child.workDir, 'usb-stick');
    fs.mkdirSync(outDir);
    // Three days of crossings (about 100 a day) and a few alerts, so each bundle takes a while to write.
    const station = openTestStation(dataDir);
    station.record(300, DAY1_START + 3_600_000, 864_000 / 3);
    for (let n = 0; n < 5; n += 1) station.raiseAlert(DAY1_START + n * 3_600_000, n);
    const publicKey = station.key.publicKey;
    station.store.close();

    const verified = new Set<string>();
    const everAcked = new Set<string>();
    let partialsSeen = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const acked of await runAndKill(child.script, [dataDir, outDir], Math.floor(random() * 250))) everAcked.add(path.basename(acked));

      const names = fs.readdirSync(outDir);
      const partials = names.filter(isPartial);
      partialsSeen += partials.length;
      // A killed export leaves at most the one it was writing (the next export cleans older ones), hidden and
      // named .partial- (it may already hold a signature if the kill came between signing and the final rename).
      expect(partials.length, `round ${round}: ${partials.join(', ')}`).toBeLessThanOrEqual(1);
      for (const name of names.filter((n) => !isPartial(n) && !verified.has(n))) {
        const read = readBundle(path.join(outDir, name));
        expect(read, `round ${round}: ${name}`).toMatchObject({ ok: true });
        if (!read.ok) continue;
        const result = await verifyBundle({ files: read.files, signer: { publicKey } });
        expect(result.ok, `round ${round}: ${name}: ${JSON.stringify(result)}`).toBe(true);
        verified.add(name);
      }
      const missing = [...everAcked].filter((name) => !names.includes(name));
      expect(missing, `round ${round}: acknowledged but missing`).toEqual([]);

      const db = openStationDatabase(dataDir, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok');
      db.close();
    }
    const db = openStationDatabase(dataDir);
    const { AuditLog } = await import('../../shared/node/db');
    expect(new AuditLog(db).verify()).toMatchObject({ ok: true });
    db.close();
    expect(everAcked.size).toBeGreaterThan(ROUNDS);
    // The kills did land mid-export sometimes; otherwise this test proves little.
    expect(partialsSeen).toBeGreaterThan(0);
  });
});
