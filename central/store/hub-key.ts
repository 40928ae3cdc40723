import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { Sql } from './sql';

export interface HubKey {
  readonly privateKey: KeyObject;
  /** Base64 SPKI DER: what stations configure next to the hub's URL. */
  readonly publicKey: string;
  readonly fingerprint: string;
  sign(data: Uint8Array): string;
}

function hubKeyOf(pem: string): HubKey {
  const privateKey = createPrivateKey(pem);
  const der = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return {
    privateKey,
    publicKey: der.toString('base64'),
    fingerprint: createHash('sha256').update(der).digest('hex'),
    sign: (data) => sign(null, data, privateKey).toString('base64'),
  };
}

/**
 * The hub's Ed25519 key, made on first use and kept in the database, so every hub process on the same
 * database signs with the same key (two processes starting together keep whichever row landed first).
 */
export async function loadOrCreateHubKey(sql: Sql): Promise<HubKey> {
  const [row] = await sql.query<{ private_key_pem: string }>('SELECT private_key_pem FROM hub_key WHERE id = 1');
  if (row) return hubKeyOf(row.private_key_pem);
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const key = hubKeyOf(pem);
  await sql.query('INSERT INTO hub_key (id, private_key_pem, public_key, fingerprint) VALUES (1, $1, $2, $3) ON CONFLICT (id) DO NOTHING', [pem, key.publicKey, key.fingerprint]);
  const [stored] = await sql.query<{ private_key_pem: string }>('SELECT private_key_pem FROM hub_key WHERE id = 1');
  return stored ? hubKeyOf(stored.private_key_pem) : key;
}
