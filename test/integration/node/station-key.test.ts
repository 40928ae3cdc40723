import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATION_KEY_FILE, StationKeyError, loadOrCreateStationKey, publicKeyFingerprint, verifySignature } from '../../../shared/node/keys';
import { tempDir } from '../../support/temp-dir';

describe('station key', () => {
  it('is created once at first run as an owner-only file and loaded the same afterwards', () => {
    const dir = tempDir();
    const first = loadOrCreateStationKey(dir);
    const file = path.join(dir, STATION_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const again = loadOrCreateStationKey(dir);
    expect(again.publicKey).toBe(first.publicKey);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(publicKeyFingerprint(first.publicKey)).toBe(first.fingerprint);
  });

  it('refuses a key file other users can read, and a damaged one, in words', () => {
    const dir = tempDir();
    loadOrCreateStationKey(dir);
    const file = path.join(dir, STATION_KEY_FILE);
    fs.chmodSync(file, 0o644);
    expect(() => loadOrCreateStationKey(dir)).toThrow(`Refusing to sign with the station key file ${file}: other users can read it (mode 644). Run "chmod 600 ${file}" and start again.`);
    fs.chmodSync(file, 0o600);
    fs.writeFileSync(file, '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n');
    expect(() => loadOrCreateStationKey(dir)).toThrow(StationKeyError);
    expect(() => loadOrCreateStationKey(dir)).toThrow(/is damaged and cannot be read/);
  });

  it('signs with Ed25519; a changed byte or another key fails verification', () => {
    const key = loadOrCreateStationKey(tempDir());
    const other = loadOrCreateStationKey(tempDir());
    const signature = key.sign('{"group":"Bus 07"}');
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    expect(verifySignature(key.publicKey, '{"group":"Bus 07"}', signature)).toBe(true);
    expect(verifySignature(key.publicKey, '{"group":"Bus 08"}', signature)).toBe(false);
    expect(verifySignature(other.publicKey, '{"group":"Bus 07"}', signature)).toBe(false);
    expect(verifySignature('not a key', 'x', signature)).toBe(false);
    expect(publicKeyFingerprint('bm90IGEga2V5')).toBeNull();
  });
});
