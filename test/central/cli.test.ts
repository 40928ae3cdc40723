import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCentralCli } from '../../central/cli/run-central-cli';
import { centralAdminUrl, createTestDatabase } from '../support/central-db';
import type { TestStation } from '../support/export-station';
import { stationWithBundles, type TestBundle } from '../support/hub-bundles';
import { tempDir } from '../support/temp-dir';

let station: TestStation;
let bundles: TestBundle[];

beforeAll(async () => {
  ({ station, bundles } = await stationWithBundles('ZHIBEK-ZHOLY', 2, 10));
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string; json: unknown }> {
  let out = '';
  let err = '';
  const code = await runCentralCli(argv, { stdin: async () => '', stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`) });
  let json: unknown;
  try {
    json = JSON.parse(out);
  } catch {
    json = null;
  }
  return { code, out, err, json };
}

/** The bundle .zip on a "stick" (the beforeAll folders are gone after the first test). */
function onStick(bundle: TestBundle | undefined): string {
  const file = path.join(tempDir('hub-stick-'), 'bundle.zip');
  fs.writeFileSync(file, (bundle as TestBundle).zip);
  return file;
}

function keyFile(): string {
  const file = path.join(tempDir('hub-key-'), 'station.pub');
  fs.writeFileSync(file, station.key.publicKey);
  return file;
}

describe.skipIf(!centralAdminUrl())('checkpoint-central on PostgreSQL', () => {
  it('station add / list / revoke / rotate-key, ingest from a stick, stats: JSON on stdout, errors on stderr, exit codes', async () => {
    const db = ['--database-url', await createTestDatabase()];
    const added = await cli('station', 'add', '--id', station.stationId, '--public-key', keyFile(), ...db);
    expect(added.code).toBe(0);
    expect(added.json).toMatchObject({ stationId: station.stationId, credential: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), hubPublicKey: expect.any(String) });

    const twice = await cli('station', 'add', '--id', station.stationId, '--public-key', keyFile(), ...db);
    expect(twice).toMatchObject({ code: 1, out: '' });
    expect(twice.err).toMatch(/already registered/);

    const list = await cli('station', 'list', ...db);
    expect(list.json).toEqual([expect.objectContaining({ stationId: station.stationId, fingerprint: station.key.fingerprint, revokedAt: null })]);
    // The credential's hash is never printed, nor the credential again.
    expect(list.out).not.toContain((added.json as { credential: string }).credential);

    const zip = onStick(bundles[0]);
    const ingested = await cli('ingest', zip, ...db);
    expect(ingested.code).toBe(0);
    expect(ingested.json).toEqual([expect.objectContaining({ outcome: 'stored', receipt: expect.objectContaining({ rows: { crossings: 10, alerts: 1 } }) })]);
    const again = await cli('ingest', zip, ...db);
    expect(again.json).toEqual([expect.objectContaining({ outcome: 'duplicate' })]);
    expect(await cli('stats', ...db)).toMatchObject({ code: 0, json: { stations: 1, bundles: 1, crossings: 10, rejected: 0 } });

    const revoked = await cli('station', 'revoke', '--id', station.stationId, ...db);
    expect(revoked.json).toMatchObject({ stationId: station.stationId, revokedAt: expect.any(String) });
    const refused = await cli('ingest', onStick(bundles[1]), ...db);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/refused \(station-revoked\)/);

    const rotated = await cli('station', 'rotate-key', '--id', station.stationId, '--public-key', keyFile(), ...db);
    expect(rotated.json).toMatchObject({ stationId: station.stationId, credential: expect.any(String) });
    expect((rotated.json as { credential: string }).credential).not.toBe((added.json as { credential: string }).credential);
    expect((await cli('ingest', onStick(bundles[1]), ...db)).code).toBe(0);
    expect((await cli('stats', ...db)).json).toEqual({ stations: 1, bundles: 2, crossings: 20, rejected: 1 });
  });

  it('says what is wrong: unknown command, missing --id, a private key, an unknown station', async () => {
    const db = ['--database-url', await createTestDatabase()];
    expect(await cli('frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "frobnicate"') });
    expect(await cli('station', 'revoke', ...db)).toMatchObject({ code: 2, err: expect.stringContaining('needs --id') });
    const privateKey = path.join(tempDir(), 'key.pem');
    fs.writeFileSync(privateKey, '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n');
    expect(await cli('station', 'add', '--id', 'X1', '--public-key', privateKey, ...db)).toMatchObject({ code: 2, err: expect.stringContaining('holds a private key') });
    expect(await cli('station', 'revoke', '--id', 'NOPE', ...db)).toMatchObject({ code: 1, err: expect.stringContaining('no station NOPE') });
    expect((await cli('--help')).out).toContain('checkpoint-central <command>');
  });
});

describe('checkpoint-central on the embedded database (PGlite)', () => {
  it('the same migrations, a station, one bundle folder from a stick, stats; a second process on the same folder is refused', async () => {
    const dataDir = ['--data-dir', tempDir('hub-pglite-')];
    expect((await cli('station', 'add', '--id', station.stationId, '--public-key', keyFile(), ...dataDir)).code).toBe(0);
    // A bundle folder (not a .zip): the files of the first day's bundle.
    const folder = tempDir('hub-folder-');
    for (const [name, bytes] of Object.entries(unzipSync((bundles[0] as TestBundle).zip))) fs.writeFileSync(path.join(folder, name), bytes);
    const ingested = await cli('ingest', folder, ...dataDir);
    expect(ingested).toMatchObject({ code: 0, json: [expect.objectContaining({ outcome: 'stored' })] });
    expect((await cli('stats', ...dataDir)).json).toEqual({ stations: 1, bundles: 1, crossings: 10, rejected: 0 });
    fs.writeFileSync(path.join(dataDir[1] as string, 'pglite.pid'), String(process.ppid));
    expect(await cli('stats', ...dataDir)).toMatchObject({ code: 2, err: expect.stringContaining('in use by process') });
  });
});
