/**
 * DSC → CSCA chains in EU gateway trust lists, with real certificates generated in the test (pkijs, WebCrypto): a
 * list that carries a state's CSCAs takes only DSCs that CSCA issued, and no entry can make one state's signer sign
 * for another, whatever its label says.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDscChain, parseCsca, parseDscCertificate } from '../../../shared/domain/dcc';
import { parseTrustListBytes } from '../../../shared/node/trust-list';
import { EKU, makeSigner, type TestSigner } from '../../fixtures/dcc/build-dcc';

const base64 = (der: Uint8Array) => Buffer.from(der).toString('base64');
const kid = (der: Uint8Array) => createHash('sha256').update(der).digest().subarray(0, 8).toString('base64');
const entry = (der: Uint8Array, country: string, certificateType = 'DSC') => ({ kid: kid(der), country, certificateType, rawData: base64(der) });
const read = (entries: unknown[]) => parseTrustListBytes(new TextEncoder().encode(JSON.stringify(entries)), 'dsc-list.json');

describe('trust-list chains (DSC → CSCA)', () => {
  let uzCsca: TestSigner;
  let deCsca: TestSigner;
  let uzDsc: TestSigner;
  beforeAll(async () => {
    uzCsca = await makeSigner('ES256', { country: 'UZ', commonName: 'UZ CSCA' });
    deCsca = await makeSigner('ES256', { country: 'DE', commonName: 'DE CSCA' });
    uzDsc = await makeSigner('ES256', { country: 'UZ', commonName: 'UZ DSC 1', ekus: [EKU.test], issuedBy: uzCsca });
  });

  it('takes a DSC its state’s CSCA issued, and skips the CSCA itself as a signer', async () => {
    const list = await read([entry(uzCsca.der, 'UZ', 'CSCA'), entry(uzDsc.der, 'UZ')]);
    expect(list).toMatchObject({ ok: true, value: { format: 'eu-gateway', certificates: [{ country: 'UZ', kid: kid(uzDsc.der) }] } });
  });

  it('refuses a DE-labelled entry for a UZ signer whose subject names no country (its issuer is UZ’s CSCA)', async () => {
    const unnamed = await makeSigner('ES256', { country: '', issuerCountry: 'UZ', commonName: 'Signer without C', ekus: [EKU.test] });
    const list = await read([entry(unnamed.der, 'DE')]);
    expect(list).toMatchObject({ ok: false, error: { code: 'bad-certificate' } });
    expect(!list.ok && list.error.message).toMatch(/the signing certificate is for DE, but its issuer \(the country signing CA\) is of UZ/);
    // The same certificate labelled with its issuer's state is that state's signer.
    expect(await read([entry(unnamed.der, 'UZ')])).toMatchObject({ ok: true, value: { certificates: [{ country: 'UZ' }] } });
  });

  it('refuses a DSC its state’s CSCAs did not issue: self-signed, or naming the CSCA as issuer but signed with another key', async () => {
    const selfSigned = await makeSigner('ES256', { country: 'UZ', commonName: 'UZ CSCA', ekus: [EKU.test] });
    const forger = await makeSigner('ES256', { country: 'UZ', commonName: 'UZ CSCA' });
    const forged = await makeSigner('ES256', { country: 'UZ', commonName: 'UZ DSC 2', ekus: [EKU.test], issuedBy: forger });
    for (const dsc of [selfSigned, forged]) {
      const list = await read([entry(uzCsca.der, 'UZ', 'CSCA'), entry(uzDsc.der, 'UZ'), entry(dsc.der, 'UZ')]);
      expect(list).toMatchObject({ ok: false, error: { code: 'chain' } });
      expect(!list.ok && list.error.message).toMatch(/entry 3 .*is not issued by any of the 1 CSCA certificate\(s\) of UZ on the list/);
    }
    // Another state's CSCA does not vouch for UZ's signers: without a UZ CSCA the list says nothing about UZ chains.
    expect(await read([entry(deCsca.der, 'DE', 'CSCA'), entry(selfSigned.der, 'UZ')])).toMatchObject({ ok: true });
  });

  it('checks chains in the domain too: the CSCA’s label must be its subject’s country', async () => {
    expect(parseCsca(uzCsca.der, { country: 'DE' })).toMatchObject({ ok: false, error: { code: 'no_csca_country' } });
    const csca = parseCsca(uzCsca.der, { country: 'uz' });
    if (!csca.ok) throw new Error(csca.error.message);
    const dsc = await parseDscCertificate(uzDsc.der);
    if (!dsc.ok) throw new Error(dsc.error.message);
    expect(await checkDscChain(dsc.value, [csca.value])).toMatchObject({ ok: true, value: { country: 'UZ' } });
    const other = parseCsca(deCsca.der);
    if (!other.ok) throw new Error(other.error.message);
    expect(await checkDscChain(dsc.value, [other.value])).toMatchObject({ ok: false, error: { code: 'not_issued_by_csca', message: 'no CSCA of UZ on the list' } });
  });
});
