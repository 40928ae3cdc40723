import { createHash, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bytesToBase64,
  buildTrustList,
  certificatesFromText,
  parseDscCertificate,
  parseGatewayTrustList,
  type DscCertificate,
} from '../../../../shared/domain/dcc';
import { EKU, makeSigner, type TestSigner } from '../../../fixtures/dcc/build-dcc';

const kidByNode = (der: Uint8Array) => createHash('sha256').update(der).digest().subarray(0, 8).toString('base64');

async function parsed(der: Uint8Array): Promise<DscCertificate> {
  const result = await parseDscCertificate(der);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('parseDscCertificate', () => {
  let ec: TestSigner;
  let rsa: TestSigner;
  beforeAll(async () => {
    ec = await makeSigner('ES256', {
      country: 'UZ',
      ekus: [EKU.test, EKU.serverAuth],
      notBefore: new Date('2021-02-01T00:00:00Z'),
      notAfter: new Date('2022-02-01T00:00:00Z'),
    });
    rsa = await makeSigner('PS256', { country: 'DE' });
  });

  it('reads kid, country, subject, validity, key usage and the EC key', async () => {
    const dsc = await parsed(ec.der);
    expect(dsc.kid).toBe(kidByNode(ec.der));
    expect(dsc.country).toBe('UZ');
    expect(dsc.subject).toBe('C=UZ, CN=Test DSC');
    expect(dsc.notBefore.toISOString()).toBe('2021-02-01T00:00:00.000Z');
    expect(dsc.notAfter.toISOString()).toBe('2022-02-01T00:00:00.000Z');
    expect(dsc.keyUsage).toEqual(['test']);
    expect(dsc.publicKey.algorithm).toBe('EC-P256');
  });

  it('reads an RSA key; no DCC EKU means every type', async () => {
    const dsc = await parsed(rsa.der);
    expect(dsc.publicKey.algorithm).toBe('RSA');
    expect(dsc.keyUsage).toEqual([]);
  });

  it('accepts both EKU OID forms', async () => {
    const signer = await makeSigner('ES256', { ekus: [EKU.vaccinationAlt, EKU.recovery] });
    expect((await parsed(signer.der)).keyUsage).toEqual(['vaccination', 'recovery']);
  });

  it('relabels an id-RSASSA-PSS key as rsaEncryption for WebCrypto', async () => {
    const signer = await makeSigner('PS256', { pssSpki: true });
    expect(new X509Certificate(signer.der).publicKey.asymmetricKeyType).toBe('rsa-pss');
    const dsc = await parsed(signer.der);
    expect(dsc.publicKey.algorithm).toBe('RSA');
    const key = await crypto.subtle.importKey('spki', new Uint8Array(dsc.publicKey.spki), { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['verify']);
    expect(key.type).toBe('public');
  });

  it('needs a country from the subject or the caller', async () => {
    const signer = await makeSigner('ES256', { country: '' });
    expect(await parseDscCertificate(signer.der)).toMatchObject({ ok: false, error: { code: 'missing_country' } });
    expect(await parseDscCertificate(signer.der, { country: 'uz' })).toMatchObject({ ok: true, value: { country: 'UZ' } });
  });

  it('refuses a stated country that differs from the subject country (a gateway entry cannot re-label a signer)', async () => {
    const signer = await makeSigner('ES256', { country: 'UZ' });
    const relabelled = await parseDscCertificate(signer.der, { country: 'tj' });
    expect(relabelled).toMatchObject({ ok: false, error: { code: 'country_mismatch' } });
    expect(!relabelled.ok && relabelled.error.message).toContain('TJ');
    expect(await parseDscCertificate(signer.der, { country: 'uz' })).toMatchObject({ ok: true, value: { country: 'UZ' } });
    const gateway = await parseGatewayTrustList([{ kid: kidByNode(signer.der), country: 'TJ', certificateType: 'DSC', rawData: bytesToBase64(signer.der) }]);
    expect(gateway).toMatchObject({ ok: false, error: { code: 'bad_certificate' } });
  });

  it('rejects bytes that are not a certificate', async () => {
    expect(await parseDscCertificate(new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false, error: { code: 'not_der' } });
    const notCert = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]); // SEQUENCE { INTEGER 5 }
    expect(await parseDscCertificate(notCert)).toMatchObject({ ok: false, error: { code: 'not_x509' } });
  });
});

describe('certificatesFromText', () => {
  it('reads PEM blocks and bare base64', async () => {
    const a = await makeSigner('ES256');
    const b = await makeSigner('ES256');
    const pem = (der: Uint8Array) =>
      `-----BEGIN CERTIFICATE-----\n${bytesToBase64(der).replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
    expect(certificatesFromText(pem(a.der) + pem(b.der))).toEqual([a.der, b.der]);
    expect(certificatesFromText(bytesToBase64(a.der))).toEqual([a.der]);
    expect(certificatesFromText('not base64 at all!')).toBeUndefined();
  });
});

describe('buildTrustList', () => {
  it('indexes entries by kid, keeping colliding kids', async () => {
    const a = await parsed((await makeSigner('ES256')).der);
    const b = await parsed((await makeSigner('ES256')).der);
    const list = buildTrustList([a, b, { ...b, country: 'DE' }]);
    expect(list.entries).toHaveLength(3);
    expect(list.byKid.get(a.kid)).toEqual([a]);
    expect(list.byKid.get(b.kid)?.map((e) => e.country)).toEqual(['UZ', 'DE']);
  });
});

describe('parseGatewayTrustList', () => {
  let signer: TestSigner;
  let kid: string;
  beforeAll(async () => {
    signer = await makeSigner('ES256', { ekus: [EKU.test] });
    kid = kidByNode(signer.der);
  });

  it('reads the EU gateway form, from JSON text or parsed JSON', async () => {
    const json = [{ kid, country: 'UZ', certificateType: 'DSC', rawData: bytesToBase64(signer.der), timestamp: 'x' }];
    for (const input of [json, JSON.stringify(json)]) {
      const result = await parseGatewayTrustList(input);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.entries).toHaveLength(1);
      expect(result.value.byKid.get(kid)?.[0]).toMatchObject({ country: 'UZ', keyUsage: ['test'] });
    }
  });

  it('skips certificates that are not DSCs', async () => {
    const result = await parseGatewayTrustList([
      { kid, country: 'UZ', certificateType: 'DSC', rawData: bytesToBase64(signer.der) },
      { kid: 'AAAAAAAAAAA=', country: 'UZ', certificateType: 'CSCA', rawData: 'AAAA' },
    ]);
    expect(result.ok && result.value.entries.length).toBe(1);
  });

  it('fails the whole file on a bad entry, naming it', async () => {
    const good = { kid, country: 'UZ', certificateType: 'DSC', rawData: bytesToBase64(signer.der) };
    expect(await parseGatewayTrustList('{')).toMatchObject({ ok: false, error: { code: 'not_json' } });
    expect(await parseGatewayTrustList({ kid })).toMatchObject({ ok: false, error: { code: 'bad_shape' } });
    const noCountry = await parseGatewayTrustList([good, { ...good, country: 'Uzbekistan' }]);
    expect(noCountry).toMatchObject({ ok: false, error: { code: 'bad_shape' } });
    expect(!noCountry.ok && noCountry.error.message).toContain('entry 1/country');
    expect(await parseGatewayTrustList([good, { ...good, rawData: '!!' }])).toMatchObject({
      ok: false,
      error: { code: 'bad_certificate' },
    });
    expect(await parseGatewayTrustList([{ ...good, kid: 'AAAAAAAAAAA=' }])).toMatchObject({
      ok: false,
      error: { code: 'kid_mismatch' },
    });
    expect(await parseGatewayTrustList([])).toMatchObject({ ok: false, error: { code: 'empty' } });
  });
});
