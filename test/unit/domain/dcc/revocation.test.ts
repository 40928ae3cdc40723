/**
 * Revocation hashes against the eHealth Network's definitions, with real ES256 and PS256 signatures made in the test:
 * the SIGNATURE hash of an ES256 certificate covers r only, so the same certificate with s replaced by n − s (still a
 * valid signature) is still revoked.
 */
import { createHash } from 'node:crypto';
import { Decoder, Tag } from 'cbor-x';
import { describe, expect, it } from 'vitest';
import { buildTrustList, parseDscCertificate, revocationLookupOf, verifyDcc, type TrustListEntry } from '../../../../shared/domain/dcc';
import { EKU, encodeCbor, kidOf, makeCose, makeSigner, T0, testHcert, wrapCose, type TestSigner } from '../../../fixtures/dcc/build-dcc';

const cbor = new Decoder({ mapsAsObjects: false, useRecords: false });
const hash16 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest().subarray(0, 16).toString('base64');
/** The order of the P-256 group (SEC 2 §2.4.2). */
const N = BigInt('0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551');
const AT = new Date((T0 + 3600) * 1000);

async function trustOf(signer: TestSigner): Promise<TrustListEntry[]> {
  const dsc = await parseDscCertificate(signer.der);
  if (!dsc.ok) throw new Error(dsc.error.message);
  return [dsc.value];
}

function coseParts(cose: Uint8Array): unknown[] {
  const decoded = cbor.decode(cose) as unknown;
  return (decoded instanceof Tag ? decoded.value : decoded) as unknown[];
}

describe('DCC revocation hashes', () => {
  it('revokes an ES256 certificate by r alone, so its twin signature (r, n − s) is revoked too', async () => {
    const signer = await makeSigner('ES256', { country: 'UZ', ekus: [EKU.test] });
    const trustList = buildTrustList(await trustOf(signer));
    const cose = await makeCose(signer, { hcert: testHcert() });
    const parts = coseParts(cose);
    const signature = parts[3] as Uint8Array;
    const s = BigInt(`0x${Buffer.from(signature.subarray(32)).toString('hex')}`);
    const twinS = Buffer.from((N - s).toString(16).padStart(64, '0'), 'hex');
    const twin = wrapCose(encodeCbor(new Tag([parts[0], parts[1], parts[2], new Uint8Array([...signature.subarray(0, 32), ...twinS])], 18)));
    expect((await verifyDcc(twin, { trustList, at: AT })).steps.signature).toEqual({ ok: true });

    const kid = Buffer.from(await kidOf(signer.der)).toString('base64');
    const lookup = revocationLookupOf([{ type: 'SIGNATURE', hash: hash16(signature.subarray(0, 32)), kid, country: 'UZ' }], 7);
    for (const payload of [wrapCose(cose), twin]) {
      const result = await verifyDcc(payload, { trustList, at: AT, revocation: lookup });
      expect(result.valid).toBe(false);
      expect(result.steps.revocation?.error).toMatch(/^revoked: UZ revoked this certificate: its signature is on the revocation list \(SIGNATURE hash .*, list version 7\)$/);
    }
  });

  it('revokes by UCI and by issuer + UCI, for the signer named or any signer, and nothing else', async () => {
    const signer = await makeSigner('PS256', { country: 'UZ', ekus: [EKU.test] });
    const trustList = buildTrustList(await trustOf(signer));
    const payload = wrapCose(await makeCose(signer, { hcert: testHcert(), issuer: 'UZ' }));
    const uci = 'URN:UVCI:01:UZ:TEST0001#X';
    const kid = Buffer.from(await kidOf(signer.der)).toString('base64');
    const verdict = async (entries: Parameters<typeof revocationLookupOf>[0]) =>
      (await verifyDcc(payload, { trustList, at: AT, revocation: revocationLookupOf(entries) })).steps.revocation?.ok;
    expect(await verdict([{ type: 'UCI', hash: hash16(uci), kid, country: 'UZ' }])).toBe(false);
    expect(await verdict([{ type: 'COUNTRYCODEUCI', hash: hash16(`UZ${uci}`), kid: 'UNKNOWN_KID', country: 'UZ' }])).toBe(false);
    // The whole PS256 signature is hashed.
    const signature = coseParts(await makeCose(signer, { hcert: testHcert(), issuer: 'UZ' }))[3] as Uint8Array;
    expect(signature.length).toBe(256);
    expect(await verdict([{ type: 'UCI', hash: hash16(uci), kid: 'AAAAAAAAAAA=', country: 'UZ' }])).toBe(true);
    expect(await verdict([{ type: 'COUNTRYCODEUCI', hash: hash16(`KZ${uci}`), kid: 'UNKNOWN_KID', country: 'KZ' }])).toBe(true);
    expect(await verdict([{ type: 'SIGNATURE', hash: hash16(uci), kid, country: 'UZ' }])).toBe(true);
    expect(await verdict([])).toBe(true);
    expect((await verifyDcc(payload, { trustList, at: AT })).steps.revocation).toEqual({ ok: true });
  });
});
