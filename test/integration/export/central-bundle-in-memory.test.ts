/**
 * A bundle for the central system holds the day's personal data in plaintext. It is made in memory and kept inside
 * the encrypted database: not one file of it appears, not even for the seconds the export takes. Before, it was
 * written to a staging folder under <data dir>/outbox, zipped there and read back (and a USB export's outbox copy
 * was a plaintext .zip in that folder). A watcher on the whole tree sees every file created, even one removed at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import { verifyBundle } from '../../../shared/domain/export';
import { OutboxRepo, StationStore } from '../../../shared/node/db';
import { readZipBundle } from '../../../shared/node/export';
import { loadOrCreateStationKey } from '../../../shared/node/keys';
import type { BundleTransport } from '../../../shared/node/outbox';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { TEST_PIN, TEST_PIN_HASH_COST, TEST_USERNAME, testBootstrap } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { unwrap } from '../../support/result';
import { tempDir } from '../../support/temp-dir';

const unreachable: BundleTransport = async () => ({ kind: 'retry', code: 'unreachable', message: 'the central system cannot be reached' });

/** Every path created or renamed under `root` while `action` runs (and shortly after, for late events). */
async function createdDuring(root: string, action: () => Promise<unknown>): Promise<string[]> {
  const seen = new Set<string>();
  const watcher = fs.watch(root, { recursive: true }, (_event, name) => {
    if (name) seen.add(String(name));
  });
  try {
    await action();
    await new Promise((resolve) => setTimeout(resolve, 300));
  } finally {
    watcher.close();
  }
  return [...seen];
}

/** What the export writes of a bundle: its staging folder, its data files, a zip. */
const bundleFile = (name: string) => /checkpoint-export|crossings\.(jsonl|csv)|summary\.json|manifest\.(json|sig)|\.zip|(^|\/)outbox(\/|$)/.test(name);

describe('a bundle for the central system', () => {
  it('is made in memory and kept in the database: no file of it appears, while a USB export is seen by the same watcher', async () => {
    const root = tempDir();
    const dataDir = path.join(root, 'data');
    const usb = path.join(root, 'usb');
    fs.mkdirSync(usb);
    const core = await createCore({
      pinHashCost: TEST_PIN_HASH_COST,
      dataDir,
      clock: new ManualClock(new Date('2021-03-01T08:00:00Z')),
      logger: silentLogger,
      bootstrap: testBootstrap('admin', { roles: ['operator', 'shift-lead'] }),
      outbox: { transport: unreachable },
    });
    try {
      unwrap(await core.saveExportSettings({ centralUrl: 'https://central.example.org/bundles', credential: 'station-credential-1' }));
      unwrap(await core.login({ username: TEST_USERNAME.operator, pin: TEST_PIN.operator }));
      for (let i = 0; i < 20; i += 1) unwrap(await core.recordCrossing({ scanId: unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT) })).scanId, direction: 'entry' }));
      unwrap(await core.login({ username: TEST_USERNAME['shift-lead'], pin: TEST_PIN['shift-lead'] }));

      const central = await createdDuring(root, async () => unwrap(await core.exportBundle({ folder: null, format: 'zip' })));
      expect(central.filter(bundleFile)).toEqual([]);

      // Control: the same watcher sees a USB export's staging folder and files; its outbox copy is made in memory too.
      const onUsb = await createdDuring(root, async () => unwrap(await core.exportBundle({ folder: usb, format: 'folder' })));
      expect(onUsb.filter((name) => name.startsWith('usb/'))).toEqual(expect.arrayContaining([expect.stringMatching(/^usb\/\.checkpoint-export-.*\.partial-/), expect.stringMatching(/crossings\.jsonl$/)]));
      expect(onUsb.filter((name) => !name.startsWith('usb/')).filter(bundleFile)).toEqual([]);
    } finally {
      core.close();
    }

    // Both queued bundles are in the database, whole and signed.
    const store = StationStore.open(dataDir);
    try {
      const outbox = new OutboxRepo(store.database);
      const kept = outbox.keptBundles();
      expect(kept).toHaveLength(2);
      for (const key of kept) {
        const read = readZipBundle(outbox.bundle(key) ?? Buffer.alloc(0), key);
        if (!read.ok) throw new Error(read.message);
        expect(await verifyBundle({ files: read.files, signer: { publicKey: loadOrCreateStationKey(dataDir).publicKey } })).toMatchObject({ ok: true, problems: [] });
      }
    } finally {
      store.close();
    }
  });
});
