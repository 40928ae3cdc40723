/**
 * EU DCC revocation with the real certificates of the EU test data (<conformance>/dcc): for every vector whose
 * signature verifies, its three revocation hashes are computed here from the file's own COSE hex and JSON (node:crypto
 * and cbor-x, independently of the module), written as EU gateway batches, imported into a real station database,
 * and every certificate is verified again: exactly the revoked ones fail, naming the revocation.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decoder, Tag } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { RevocationService } from '../../shared/app/revocation/revocation-service';
import { buildTrustList, certificatesFromText, parseDscCertificate, verifyDcc, type TrustListEntry } from '../../shared/domain/dcc';
import { StationStore } from '../../shared/node/db';
import { tempDir } from '../support/temp-dir';

const here = path.dirname(fileURLToPath(import.meta.url));
const conformanceDir = process.env.CONFORMANCE_DIR ?? path.join(here, '../../../shared/conformance');
const dccDir = path.join(conformanceDir, 'dcc');
const present = existsSync(path.join(dccDir, 'index.json'));

interface IndexEntry {
  file: string;
  country: string;
  validationClock: string | null;
  expected: Record<string, unknown>;
}
interface TestFile {
  JSON?: { v?: { ci: string }[]; t?: { ci: string }[]; r?: { ci: string }[] };
  COSE?: string;
  PREFIX?: string;
  TESTCTX?: { CERTIFICATE?: string; VALIDATIONCLOCK?: string };
}
interface Vector {
  readonly file: string;
  readonly prefix: string;
  readonly at: Date;
  readonly trust: TrustListEntry[];
  readonly kid: string;
  readonly hashes: Record<'UCI' | 'COUNTRYCODEUCI' | 'SIGNATURE', string>;
}

const cbor = new Decoder({ mapsAsObjects: false, useRecords: false });
const hash16 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest().subarray(0, 16).toString('base64');

/** The hashes as the eHealth Network's revocation guidelines define them, from the vector's COSE bytes. */
function vectorHashes(file: TestFile): { kid: string; hashes: Vector['hashes'] } | undefined {
  let cose = cbor.decode(Buffer.from(file.COSE ?? '', 'hex')) as unknown;
  if (cose instanceof Tag) cose = cose.value;
  if (!Array.isArray(cose) || cose.length !== 4) return undefined;
  const [protectedBytes, unprotected, payload, signature] = cose as [Uint8Array, Map<number, unknown>, Uint8Array, Uint8Array];
  const header = protectedBytes.length > 0 ? (cbor.decode(protectedBytes) as Map<number, unknown>) : new Map<number, unknown>();
  const alg = header.get(1) ?? unprotected.get(1);
  const kid = (header.get(4) ?? unprotected.get(4)) as Uint8Array | undefined;
  const claims = cbor.decode(payload) as Map<number, unknown>;
  const issuer = claims.get(1);
  const json = file.JSON;
  const uci = json?.v?.[0]?.ci ?? json?.t?.[0]?.ci ?? json?.r?.[0]?.ci;
  if (!kid || typeof issuer !== 'string' || uci === undefined) return undefined;
  const signed = alg === -7 ? signature.subarray(0, signature.length / 2) : signature;
  return {
    kid: Buffer.from(kid).toString('base64'),
    hashes: { UCI: hash16(uci), COUNTRYCODEUCI: hash16(issuer + uci), SIGNATURE: hash16(signed) },
  };
}

async function trustOf(file: TestFile, country: string): Promise<TrustListEntry[]> {
  const entries: TrustListEntry[] = [];
  for (const der of certificatesFromText(file.TESTCTX?.CERTIFICATE ?? '') ?? []) {
    let dsc = await parseDscCertificate(der);
    if (!dsc.ok && dsc.error.code === 'missing_country') dsc = await parseDscCertificate(der, { country: /^[A-Z]{2}$/.test(country) ? country : 'XX' });
    if (dsc.ok) entries.push(dsc.value);
  }
  return entries;
}

/** Vectors whose signature verifies and whose hashes can be computed: the certificates an issuer could revoke. */
async function loadVectors(): Promise<Vector[]> {
  const index = JSON.parse(readFileSync(path.join(dccDir, 'index.json'), 'utf8')) as IndexEntry[];
  const vectors: Vector[] = [];
  for (const entry of index) {
    if (entry.expected.EXPECTEDVERIFY !== true) continue;
    const file = JSON.parse(readFileSync(path.join(dccDir, entry.file), 'utf8')) as TestFile;
    const computed = file.COSE && file.PREFIX ? vectorHashes(file) : undefined;
    const clock = file.TESTCTX?.VALIDATIONCLOCK;
    if (!computed || !clock || !file.PREFIX) continue;
    const trust = await trustOf(file, entry.country);
    const at = new Date(clock);
    const checked = await verifyDcc(file.PREFIX, { trustList: buildTrustList(trust), at });
    if (checked.steps.signature?.ok !== true) continue;
    vectors.push({ file: entry.file, prefix: file.PREFIX, at, trust, ...computed });
  }
  return vectors;
}

const TYPES = ['UCI', 'COUNTRYCODEUCI', 'SIGNATURE'] as const;

if (!present) {
  console.warn(`DCC revocation conformance skipped: no test data at ${dccDir} (set CONFORMANCE_DIR)`);
  describe.skip('DCC revocation conformance (test data absent)', () => {
    it('needs the conformance data', () => undefined);
  });
} else {
  describe('DCC revocation with the EU test certificates', () => {
    it('revokes exactly the listed certificates, by each hash type, through a gateway batch file imported into a station', async () => {
      const vectors = await loadVectors();
      expect(vectors.length).toBeGreaterThan(100);
      // Every third certificate revoked, by UCI, COUNTRYCODEUCI and SIGNATURE in turn; half the batches name the
      // signer's kid, half say UNKNOWN_KID. One batch per certificate, as issuers upload them.
      const revoked = new Map<string, (typeof TYPES)[number]>();
      const batches = vectors.flatMap((v, i) => {
        if (i % 3 !== 0) return [];
        const type = TYPES[(i / 3) % 3]!;
        revoked.set(v.file, type);
        return [{ country: 'DE', expires: '2030-01-01T00:00:00Z', kid: i % 2 === 0 ? v.kid : 'UNKNOWN_KID', hashType: type, entries: [{ hash: v.hashes[type] }] }];
      });
      // A batch for the right hash under another signer's kid revokes nothing.
      const spared = vectors[1]!;
      batches.push({ country: 'DE', expires: '2030-01-01T00:00:00Z', kid: 'AAAAAAAAAAA=', hashType: 'UCI', entries: [{ hash: spared.hashes.UCI }] });

      const dataDir = tempDir();
      const store = StationStore.open(dataDir);
      try {
        const service = new RevocationService({ store, dataDir, now: () => new Date('2026-01-01T00:00:00Z') });
        const imported = service.import(new TextEncoder().encode(JSON.stringify(batches)), 'batches.json', 'test');
        expect(imported).toMatchObject({ version: 1, format: 'eu-gateway', batches: batches.length });
        const lookup = service.lookup();
        expect(lookup).toBeDefined();
        const wrong: string[] = [];
        // Test data reissues some certificates (the same UCI in several files): a file is revoked when any of its
        // hashes is listed for its signer or for any signer.
        const listed = new Set(batches.map((b) => `${b.hashType}:${b.entries[0]!.hash}:${b.kid}`));
        const expectedType = (v: Vector) => TYPES.find((t) => listed.has(`${t}:${v.hashes[t]}:${v.kid}`) || listed.has(`${t}:${v.hashes[t]}:UNKNOWN_KID`));
        for (const v of vectors) {
          const result = await verifyDcc(v.prefix, { trustList: buildTrustList(v.trust), at: v.at, ...(lookup ? { revocation: lookup } : {}) });
          const type = expectedType(v);
          const step = result.steps.revocation;
          const asExpected = type === undefined ? step?.ok === true : step?.ok === false && /^revoked: .* hash /.test(step.error ?? '') && !result.valid;
          if (!asExpected) wrong.push(`${v.file}: expected ${type ?? 'not revoked'}, got ${JSON.stringify(step)}`);
          if (revoked.has(v.file) && type === undefined) wrong.push(`${v.file}: listed but not found by the test's own hashes`);
        }
        expect(vectors.filter((v) => expectedType(v) === undefined).length).toBeGreaterThan(50);
        expect(expectedType(spared)).toBeUndefined();
        expect(wrong).toEqual([]);
        expect(revoked.size).toBeGreaterThan(30);
      } finally {
        store.close();
      }
    });
  });
}
