/**
 * EU DCC revocation through the real station: revocation files written by the test (the gateway's batch form, hashes
 * computed here with node:crypto), imported with `checkpoint revocation import` into the station's SQLite database,
 * then a real signed DCC scanned at the lane with createCore: revoked is NOT OK naming the revocation, and a station
 * with signer keys takes only signed lists.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, silentLogger } from '../../../shared/app';
import type { Core } from '../../../shared/contract';
import { openStationDatabase } from '../../../shared/node/db';
import { signRevocationList } from '../../../shared/node/revocation';
import { TRUST_LIST_SIGNERS_DIR } from '../../../shared/node/trust-list';
import { EKU, kidOf, makeDcc, makeSigner, testHcert } from '../../fixtures/dcc/build-dcc';
import { writeGatewayTrustList } from '../../fixtures/dcc/trust-list-files';
import { TAJIK_PASSPORT, mrzText } from '../../fixtures/mrz/passports';
import { runCheckpoint } from '../../support/cli';
import { testBootstrap, TEST_PIN_HASH_COST } from '../../support/core-session';
import { ManualClock } from '../../support/manual-clock';
import { tempDir } from '../../support/temp-dir';

const START = new Date('2021-06-01T10:00:00.000Z');
const RUSTAM = { nam: { fn: 'Ҷураев', fnt: 'DZHURAEV', gn: 'Рустам', gnt: 'RUSTAM' }, dob: '1990-01-15' };
const hash16 = (text: string): string => createHash('sha256').update(text).digest().subarray(0, 16).toString('base64');

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const batch = (kid: string, hashType: string, hashes: string[]) => ({ country: 'UZ', expires: '2022-06-01T00:00:00Z', kid, hashType, entries: hashes.map((hash) => ({ hash })) });

function writeFile(content: unknown, name: string): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('EU DCC revocation at the lane', () => {
  it('makes a revoked certificate NOT OK naming the revocation, and leaves the others alone', async () => {
    const dataDir = tempDir();
    const signer = await makeSigner('ES256', { country: 'UZ', ekus: [EKU.test] });
    const kid = Buffer.from(await kidOf(signer.der)).toString('base64');
    const revokedHcert = testHcert({ ...RUSTAM, t: [{ ...(testHcert().t as object[])[0], ci: 'URN:UVCI:01:UZ:REVOKED1#A' }] });
    const revokedDcc = await makeDcc(signer, { hcert: revokedHcert });
    const goodDcc = await makeDcc(signer, { hcert: testHcert({ ...RUSTAM, t: [{ ...(testHcert().t as object[])[0], ci: 'URN:UVCI:01:UZ:GOOD0001#B' }] }) });

    // UZ revokes by issuing country + UCI (the CWT issuer is UZ): SHA-256 over "UZ" + UCI, first 16 bytes.
    const list = writeFile([batch(kid, 'COUNTRYCODEUCI', [hash16('UZURN:UVCI:01:UZ:REVOKED1#A')]), batch('UNKNOWN_KID', 'UCI', [hash16('URN:UVCI:01:UZ:OTHER#C')])], 'uz-revocation.json');
    const cli = await runCheckpoint(['revocation', 'import', '--data-dir', dataDir, list]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ version: 1, source: 'uz-revocation.json', format: 'eu-gateway', batches: 2, entries: 2, signedBy: null });

    const core: Core = await createCore({ pinHashCost: TEST_PIN_HASH_COST, dataDir, clock: new ManualClock(START), logger: silentLogger, appVersion: 'test', bootstrap: testBootstrap('shift-lead') });
    try {
      unwrap(await core.importTrustList({ path: await writeGatewayTrustList(tempDir(), [signer]) }));
      const passport = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT), direction: 'entry' }));
      const judged = unwrap(await core.scan({ payload: revokedDcc, joinScanId: passport.scanId, direction: 'entry' }));
      expect(judged.decision.outcome).toBe('NOT_OK');
      expect(judged.decision.reasons).toContainEqual(expect.objectContaining({ code: 'dcc.revoked', severity: 'blocking' }));
      expect(judged.decision.reasons.find((r) => r.code === 'dcc.revoked')?.message).toMatch(/UZ revoked this certificate: its issuing country and certificate identifier is on the revocation list/);
      expect(judged.evidence?.[0]).toMatchObject({ valid: false, steps: { signature: { ok: true }, revocation: { ok: false } } });

      const next = unwrap(await core.scan({ payload: mrzText(TAJIK_PASSPORT), direction: 'entry' }));
      const good = unwrap(await core.scan({ payload: goodDcc, joinScanId: next.scanId, direction: 'entry' }));
      expect(good.evidence?.[0]).toMatchObject({ valid: true, steps: { revocation: { ok: true } } });
      expect(good.decision.reasons.map((r) => r.code)).not.toContain('dcc.revoked');
    } finally {
      core.close();
    }
  });

  it('refuses unsigned and wrongly signed lists on a station with signer keys, keeps the list in use, and takes a signed one', async () => {
    const dataDir = tempDir();
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const stranger = generateKeyPairSync('ed25519').privateKey;
    fs.mkdirSync(path.join(dataDir, TRUST_LIST_SIGNERS_DIR), { recursive: true });
    fs.writeFileSync(path.join(dataDir, TRUST_LIST_SIGNERS_DIR, 'ministry.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
    const bytes = new TextEncoder().encode(JSON.stringify({ format: 'checkpoint-revocation-list', version: 1, batches: [batch('UNKNOWN_KID', 'UCI', [hash16('A'), hash16('B')])] }));

    const signed = await runCheckpoint(['revocation', 'import', '--data-dir', dataDir, writeFile(signRevocationList(bytes, privateKey), 'signed.json')]);
    expect(signed.code).toBe(0);
    expect(JSON.parse(signed.stdout)).toMatchObject({ version: 1, format: 'station', entries: 2, signedBy: expect.any(String) });

    const unsigned = await runCheckpoint(['revocation', 'import', '--data-dir', dataDir, writeFile(Buffer.from(bytes).toString(), 'plain.json')]);
    expect(unsigned.code).not.toBe(0);
    expect(unsigned.stderr).toMatch(/The revocation list was not imported: plain.json is not signed, and this station accepts signed revocation lists only\. The list in use is unchanged\./);
    const forged = await runCheckpoint(['revocation', 'import', '--data-dir', dataDir, writeFile(signRevocationList(bytes, stranger), 'forged.json')]);
    expect(forged.stderr).toMatch(/the revocation list is signed by key .*, which this station does not trust/);
    const tampered = { ...signRevocationList(bytes, privateKey), payload: Buffer.from(JSON.stringify({ format: 'checkpoint-revocation-list', version: 1, batches: [batch('UNKNOWN_KID', 'UCI', [hash16('C')])] })).toString('base64') };
    const changed = await runCheckpoint(['revocation', 'import', '--data-dir', dataDir, writeFile(tampered, 'tampered.json')]);
    expect(changed.stderr).toMatch(/signature does not verify/);
    const badHash = await runCheckpoint(['revocation', 'import', '--data-dir', dataDir, writeFile(signRevocationList(new TextEncoder().encode(JSON.stringify(batch('UNKNOWN_KID', 'UCI', ['c2hvcnQ=']))), privateKey), 'short.json')]);
    expect(badHash.stderr).toMatch(/entry 1: hash "c2hvcnQ=" is not the base64 of a 16-byte SHA-256 prefix/);

    const db = openStationDatabase(dataDir, { readonly: true });
    try {
      expect(db.prepare('SELECT version, entries, signed_by IS NOT NULL AS signed FROM revocation_lists').all()).toEqual([{ version: 1, entries: 2, signed: 1 }]);
      expect(db.prepare('SELECT hash FROM revocation_entries ORDER BY hash').all()).toEqual([{ hash: hash16('A') }, { hash: hash16('B') }].sort((a, b) => a.hash.localeCompare(b.hash)));
      expect(db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'revocation-list.imported'").get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});
