import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import { DATABASE_FILE_NAME, DatabaseDamagedError, damagedRecentPages, parseHexKey } from '../../../shared/node/db';
import { TEST_PIN_HASH_COST, testBootstrap } from '../../support/core-session';
import { tempDir } from '../../support/temp-dir';

const PAGE = 4096;

async function stationWithOneCrossingFolder(): Promise<string> {
  const dataDir = tempDir();
  const core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, logger: silentLogger, bootstrap: testBootstrap('operator') });
  core.close();
  return dataDir;
}

const keyOf = (dataDir: string) => parseHexKey(fs.readFileSync(path.join(dataDir, 'db.key'), 'utf8').trim(), 'db.key');

describe('start-up page check of the encrypted database', () => {
  it('finds every page of an untouched file good (the HMAC computed as the cipher does)', async () => {
    const dataDir = await stationWithOneCrossingFolder();
    expect(damagedRecentPages(path.join(dataDir, DATABASE_FILE_NAME), keyOf(dataDir), 1_000_000)).toEqual([]);
    const again = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, logger: silentLogger });
    again.close();
  });

  it('refuses to start on a file whose newest page was altered, naming the page and the way to restore, and writes nothing', async () => {
    const dataDir = await stationWithOneCrossingFolder();
    const file = path.join(dataDir, DATABASE_FILE_NAME);
    const bytes = fs.readFileSync(file);
    const last = bytes.length / PAGE;
    const at = (last - 1) * PAGE + 100;
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    fs.writeFileSync(file, bytes);
    const before = fs.readFileSync(file);

    const started = createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, logger: silentLogger });
    await expect(started).rejects.toBeInstanceOf(DatabaseDamagedError);
    await expect(started).rejects.toThrow(new RegExp(`page ${last} failed .* restore the data folder .*checkpoint db check`));
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
