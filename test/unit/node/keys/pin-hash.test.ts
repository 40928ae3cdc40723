import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../../shared/app';
import { openStationDatabase } from '../../../../shared/node/db';
import { dummyPinHash, hashPin, PIN_HASH_COST, verifyPin } from '../../../../shared/node/keys';
import { TEST_PIN_HASH_COST, testBootstrap } from '../../../support/core-session';
import { tempDir } from '../../../support/temp-dir';

// Every other test core hashes PINs at TEST_PIN_HASH_COST; these pin what a station really writes.
describe('PIN hashes', () => {
  it('use scrypt N = 2^15, r = 8, p = 1 unless a core is given another cost', async () => {
    expect(PIN_HASH_COST).toEqual({ N: 32768, r: 8, p: 1 });
    const stored = await hashPin('482916');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPin('482916', stored)).toBe(true);
    expect(await verifyPin('482917', stored)).toBe(false);
    expect(dummyPinHash()).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('are written at the production cost by a core that names none, and checked at the cost they carry', async () => {
    const dataDir = tempDir();
    const core = await createCore({ dataDir, logger: silentLogger, bootstrap: testBootstrap('operator') });
    core.close();
    const db = openStationDatabase(dataDir);
    const hashes = db.prepare('SELECT pin_hash AS pinHash FROM operators').all() as { pinHash: string }[];
    db.close();
    expect(hashes.length).toBe(2);
    for (const { pinHash } of hashes) expect(pinHash).toMatch(/^scrypt\$32768\$8\$1\$/);

    const cheap = await hashPin('482916', TEST_PIN_HASH_COST);
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(await verifyPin('482916', cheap)).toBe(true);
    expect(await verifyPin('482917', cheap)).toBe(false);
  }, 60_000);
});
