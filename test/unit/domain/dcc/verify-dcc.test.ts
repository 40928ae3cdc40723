import { zlibSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildTrustList,
  bytesToBase64,
  encodeBase45,
  parseDscCertificate,
  schemaValidPayload,
  verifyDcc,
  type DccStep,
  type DccVerification,
  type TrustList,
  type TrustListEntry,
} from '../../../../shared/domain/dcc';
import {
  EKU,
  encodeCbor,
  kidOf,
  makeCose,
  makeDcc,
  makeSigner,
  recoveryHcert,
  T0,
  testHcert,
  vaccinationHcert,
  without,
  wrapCose,
  type TestSigner,
} from '../../../fixtures/dcc/build-dcc';

/** Decision time: one hour after issue (T0 = 2021-06-01T08:00Z), inside the 72 h validity. */
const AT = new Date((T0 + 3600) * 1000);

async function entry(signer: TestSigner): Promise<TrustListEntry> {
  const dsc = await parseDscCertificate(signer.der);
  if (!dsc.ok) throw new Error(dsc.error.message);
  return dsc.value;
}

async function trustListOf(...signers: TestSigner[]): Promise<TrustList> {
  return buildTrustList(await Promise.all(signers.map(entry)));
}

/** Steps that ran, with ok flags; a step not reached is absent. */
function outcome(result: DccVerification): Partial<Record<DccStep, boolean>> {
  return Object.fromEntries(Object.entries(result.steps).map(([k, v]) => [k, v.ok]));
}

const ALL_OK = {
  prefix: true,
  base45: true,
  inflate: true,
  cose: true,
  cbor: true,
  schema: true,
  signature: true,
  keyUsage: true,
  expiry: true,
  revocation: true,
};

describe('verifyDcc', () => {
  let es: TestSigner; // ES256, no EKU: may sign every type
  let ps: TestSigner; // PS256, vaccination only
  let testOnly: TestSigner; // ES256, test only (alternative OID form)
  let trust: TrustList;

  beforeAll(async () => {
    es = await makeSigner('ES256', { country: 'UZ' });
    ps = await makeSigner('PS256', { country: 'AT', ekus: [EKU.vaccination] });
    testOnly = await makeSigner('ES256', { country: 'KZ', ekus: [EKU.testAlt] });
    trust = await trustListOf(es, ps, testOnly);
  });

  describe('valid certificates', () => {
    it('verifies an ES256 test certificate', async () => {
      const result = await verifyDcc(await makeDcc(es), { trustList: trust, at: AT });
      expect(result.problems).toEqual([]);
      expect(result.valid).toBe(true);
      expect(outcome(result)).toEqual(ALL_OK);
      expect(result.payload).toEqual(testHcert());
      expect(result.claims).toEqual({
        issuer: 'UZ',
        issuedAt: '2021-06-01T08:00:00.000Z',
        expiresAt: '2021-06-04T08:00:00.000Z',
      });
      const kid = bytesToBase64(await kidOf(es.der));
      expect(result.kid).toBe(kid);
      expect(result.signer).toEqual({ country: 'UZ', kid });
      expect(result.certificateType).toBe('test');
      expect(result.codes?.find((c) => c.path === 't/0/tt')?.display).toBe('Nucleic acid amplification with probe detection');
      expect(schemaValidPayload(result)?.t?.[0]?.tr).toBe('260415000');
    });

    it('verifies a PS256 vaccination certificate', async () => {
      const result = await verifyDcc(await makeDcc(ps, { hcert: vaccinationHcert(), issuer: 'AT' }), { trustList: trust, at: AT });
      expect(result.problems).toEqual([]);
      expect(result.valid).toBe(true);
      expect(result.signer?.country).toBe('AT');
      expect(result.certificateType).toBe('vaccination');
      expect(result.codes?.find((c) => c.path === 'v/0/mp')?.display).toBe('Comirnaty');
    });

    it('verifies a recovery certificate from a DSC without EKU', async () => {
      const result = await verifyDcc(await makeDcc(es, { hcert: recoveryHcert() }), { trustList: trust, at: AT });
      expect(result.valid).toBe(true);
      expect(result.certificateType).toBe('recovery');
    });

    it('accepts an untagged COSE_Sign1', async () => {
      const result = await verifyDcc(await makeDcc(es, { tagging: 'untagged' }), { trustList: trust, at: AT });
      expect(result.valid).toBe(true);
    });

    it('accepts COSE_Sign1 wrapped in the CWT tag 61', async () => {
      const result = await verifyDcc(await makeDcc(es, { tagging: 'cwt' }), { trustList: trust, at: AT });
      expect(result.valid).toBe(true);
    });

    it('finds the kid in the unprotected header', async () => {
      const result = await verifyDcc(await makeDcc(ps, { hcert: vaccinationHcert(), kidIn: 'unprotected' }), {
        trustList: trust,
        at: AT,
      });
      expect(result.valid).toBe(true);
      expect(result.signer?.kid).toBe(bytesToBase64(await kidOf(ps.der)));
    });

    it('accepts float iat/exp', async () => {
      const payload = await makeDcc(es, { issuedAt: T0 + 0.25, expiresAt: T0 + 86400.5 });
      const result = await verifyDcc(payload, { trustList: trust, at: AT });
      expect(result.valid).toBe(true);
      expect(result.claims).toMatchObject({ issuedAt: '2021-06-01T08:00:00.250Z', expiresAt: '2021-06-02T08:00:00.500Z' });
    });

    it('accepts a DSC given as an imported CryptoKey', async () => {
      const base = await entry(es);
      const list = buildTrustList([{ ...base, publicKey: es.keys.publicKey }]);
      expect((await verifyDcc(await makeDcc(es), { trustList: list, at: AT })).valid).toBe(true);
    });

    it('reports codes outside the value sets without failing', async () => {
      const hcert = testHcert({ t: [{ ...(testHcert().t as object[])[0], tt: 'COVID-19 test' }] });
      const result = await verifyDcc(await makeDcc(es, { hcert }), { trustList: trust, at: AT });
      expect(result.valid).toBe(true);
      expect(result.codes?.find((c) => c.path === 't/0/tt')).toEqual({
        path: 't/0/tt',
        valueSet: 'test-type',
        code: 'COVID-19 test',
        known: false,
      });
    });
  });

  describe('each step fails with its own error', () => {
    const failed = (result: DccVerification, step: DccStep) => {
      expect(result.valid).toBe(false);
      expect(result.steps[step]?.ok).toBe(false);
      return result.steps[step]?.error ?? '';
    };

    it('prefix: missing, another context, or too large', async () => {
      const good = await makeDcc(es);
      const missing = await verifyDcc(good.slice(4), { trustList: trust, at: AT });
      expect(failed(missing, 'prefix')).toMatch(/^missing_prefix: /);
      expect(outcome(missing)).toEqual({ prefix: false });
      expect(missing.problems).toEqual([
        { step: 'prefix', code: 'missing_prefix', message: 'payload does not start with "HC1:"' },
      ]);
      expect(failed(await verifyDcc('HC2:' + good.slice(4), { trustList: trust, at: AT }), 'prefix')).toMatch(
        /^unsupported_prefix: context identifier "HC2:"/,
      );
      const huge = await verifyDcc('HC1:' + '0'.repeat(9000), { trustList: trust, at: AT });
      expect(failed(huge, 'prefix')).toMatch(/^payload_too_large: payload has 9004 characters/);
    });

    it('base45: a character outside the alphabet', async () => {
      const good = await makeDcc(es);
      const result = await verifyDcc(good.slice(0, 20) + 'a' + good.slice(21), { trustList: trust, at: AT });
      expect(failed(result, 'base45')).toMatch(/^invalid_character: character "a" at position 16/);
      expect(outcome(result)).toEqual({ prefix: true, base45: false });
    });

    it('inflate: corrupt zlib data', async () => {
      const z = zlibSync(await makeCose(es));
      z.fill(0xff, 10, 30);
      const result = await verifyDcc('HC1:' + encodeBase45(z), { trustList: trust, at: AT });
      expect(failed(result, 'inflate')).toMatch(/^(corrupt|checksum_mismatch): /);
      expect(outcome(result)).toEqual({ prefix: true, base45: true, inflate: false });
    });

    it('inflate: a zip bomb over 64 KiB inside a QR-sized payload', async () => {
      const bomb = zlibSync(new Uint8Array(4 * 1024 * 1024), { level: 9 });
      const payload = 'HC1:' + encodeBase45(bomb);
      expect(payload.length).toBeLessThan(8 * 1024);
      const result = await verifyDcc(payload, { trustList: trust, at: AT });
      expect(failed(result, 'inflate')).toMatch(/^output_too_large: .*more than 65536 bytes/);
    });

    it('cose: garbage instead of COSE_Sign1', async () => {
      const notCbor = await verifyDcc(wrapCose(new Uint8Array([0xff, 0x00, 0x13])), { trustList: trust, at: AT });
      expect(failed(notCbor, 'cose')).toMatch(/^not_cbor: /);
      const threeItems = await verifyDcc(wrapCose(encodeCbor([new Uint8Array(0), new Map(), new Uint8Array(1)])), {
        trustList: trust,
        at: AT,
      });
      expect(failed(threeItems, 'cose')).toMatch(/^not_cose_sign1: /);
      expect(outcome(threeItems)).toEqual({ prefix: true, base45: true, inflate: true, cose: false });
    });

    it('cbor: a CWT that is not a claims map, or has no HCERT', async () => {
      const notMap = await verifyDcc(await makeDcc(es, { rawClaims: [1, 2, 3] }), { trustList: trust, at: AT });
      expect(failed(notMap, 'cbor')).toMatch(/^not_a_map: /);
      expect(notMap.steps.signature).toBeUndefined();
      const noHcert = await verifyDcc(await makeDcc(es, { rawClaims: new Map([[1, 'UZ']]) }), { trustList: trust, at: AT });
      expect(failed(noHcert, 'cbor')).toMatch(/^missing_hcert: /);
      const badIat = new Map<number, unknown>([[6, 'yesterday'], [-260, new Map([[1, testHcert()]])]]);
      expect(failed(await verifyDcc(await makeDcc(es, { rawClaims: badIat }), { trustList: trust, at: AT }), 'cbor')).toMatch(
        /^bad_claim: claim iat \(6\)/,
      );
    });

    it('schema: a violation fails the schema step; the other checks still run', async () => {
      const noDob = without(testHcert(), 'dob');
      const result = await verifyDcc(await makeDcc(es, { hcert: noDob }), { trustList: trust, at: AT });
      expect(failed(result, 'schema')).toMatch(/^schema_violation: dob: /);
      expect(outcome(result)).toEqual({ ...ALL_OK, schema: false });
      expect(result.payload).toEqual(noDob);
      expect(result.codes).toBeUndefined();
      expect(schemaValidPayload(result)).toBeUndefined();
    });

    it('signature: a wrong signature; key usage and validity are still judged', async () => {
      const result = await verifyDcc(await makeDcc(es, { corruptSignature: true }), { trustList: trust, at: AT });
      expect(failed(result, 'signature')).toMatch(/^bad_signature: ES256 signature does not verify/);
      expect(outcome(result)).toEqual({ ...ALL_OK, signature: false });
      expect(result.signer).toBeUndefined();
    });

    it('signature: a PS256 signature by another key', async () => {
      const other = await makeSigner('PS256');
      const forged = await makeDcc(other, { hcert: vaccinationHcert(), kid: await kidOf(ps.der) });
      const result = await verifyDcc(forged, { trustList: trust, at: AT });
      expect(failed(result, 'signature')).toMatch(/^bad_signature: PS256/);
    });

    it('signature: an unknown kid; key usage and validity cannot be reached', async () => {
      const stranger = await makeSigner('ES256');
      const result = await verifyDcc(await makeDcc(stranger), { trustList: trust, at: AT });
      const kid = bytesToBase64(await kidOf(stranger.der));
      expect(failed(result, 'signature')).toBe(`unknown_kid: no signing certificate with kid ${kid} in the trust list`);
      expect(result.kid).toBe(kid);
      expect(result.steps.keyUsage).toBeUndefined();
      expect(result.steps.expiry).toBeUndefined();
    });

    it('signature: the protected kid wins over the unprotected one', async () => {
      const result = await verifyDcc(await makeDcc(es, { kidIn: 'wrong-protected' }), { trustList: trust, at: AT });
      expect(failed(result, 'signature')).toMatch(/^unknown_kid: /);
    });

    it('signature: no kid at all', async () => {
      const result = await verifyDcc(await makeDcc(es, { kidIn: 'none' }), { trustList: trust, at: AT });
      expect(failed(result, 'signature')).toMatch(/^missing_kid: /);
    });

    it('signature: an algorithm other than ES256/PS256, or one that does not fit the key', async () => {
      const es384 = await verifyDcc(await makeDcc(es, { alg: -35 }), { trustList: trust, at: AT });
      expect(failed(es384, 'signature')).toMatch(/^unsupported_alg: COSE alg -35/);
      const psOnEc = await verifyDcc(await makeDcc(es, { alg: -37 }), { trustList: trust, at: AT });
      expect(failed(psOnEc, 'signature')).toMatch(/^key_mismatch: .* has no RSA key for PS256/);
    });

    it('keyUsage: a vaccination certificate from a test-only DSC', async () => {
      const result = await verifyDcc(await makeDcc(testOnly, { hcert: vaccinationHcert() }), { trustList: trust, at: AT });
      expect(failed(result, 'keyUsage')).toBe(
        'not_permitted: the signing certificate may sign test certificates only, not vaccination',
      );
      expect(result.steps.signature?.ok).toBe(true);
      const ok = await verifyDcc(await makeDcc(testOnly), { trustList: trust, at: AT });
      expect(ok.valid).toBe(true);
    });

    it('keyUsage: a recovery certificate from a vaccination-only DSC (PS256)', async () => {
      const result = await verifyDcc(await makeDcc(ps, { hcert: recoveryHcert() }), { trustList: trust, at: AT });
      expect(failed(result, 'keyUsage')).toMatch(/^not_permitted: .*vaccination certificates only, not recovery/);
    });

    it('expiry: expired, not yet valid, and outside the DSC validity', async () => {
      const payload = await makeDcc(es);
      const late = await verifyDcc(payload, { trustList: trust, at: new Date((T0 + 73 * 3600) * 1000) });
      expect(failed(late, 'expiry')).toBe(
        'expired: expired at 2021-06-04T08:00:00.000Z, before the decision time 2021-06-04T09:00:00.000Z',
      );
      expect(outcome(late)).toEqual({ ...ALL_OK, expiry: false });
      const early = await verifyDcc(payload, { trustList: trust, at: new Date((T0 - 60) * 1000) });
      expect(failed(early, 'expiry')).toMatch(/^not_yet_valid: /);
      const exactlyAtExp = await verifyDcc(payload, { trustList: trust, at: new Date((T0 + 72 * 3600) * 1000) });
      expect(exactlyAtExp.valid).toBe(true);

      // DSC valid 2021-01-01 … 2023-01-01 (build-dcc default).
      const beforeDsc = await makeDcc(es, { issuedAt: Date.UTC(2020, 11, 31) / 1000, expiresAt: T0 + 3600 * 2 });
      expect(failed(await verifyDcc(beforeDsc, { trustList: trust, at: AT }), 'expiry')).toMatch(/^issued_before_dsc: /);
      const afterDsc = await makeDcc(es, { expiresAt: Date.UTC(2023, 0, 2) / 1000 });
      expect(failed(await verifyDcc(afterDsc, { trustList: trust, at: AT }), 'expiry')).toMatch(/^outlives_dsc: /);
      expect(failed(await verifyDcc(payload, { trustList: trust, at: new Date('not a date') }), 'expiry')).toMatch(
        /^invalid_time: /,
      );
      const noExp = new Map<number, unknown>([[6, T0], [-260, new Map([[1, testHcert()]])]]);
      expect(failed(await verifyDcc(await makeDcc(es, { rawClaims: noExp }), { trustList: trust, at: AT }), 'expiry')).toMatch(
        /^missing_exp: /,
      );
    });
  });

  it('never throws, whatever it is given', async () => {
    const inputs: unknown[] = [undefined, null, 42, '', 'HC1:', 'HC1:' + encodeBase45(new Uint8Array(0))];
    for (const input of inputs) {
      const result = await verifyDcc(input as string, { trustList: trust, at: AT });
      expect(result.valid).toBe(false);
      expect(result.problems.length).toBeGreaterThan(0);
    }
  });

  it('lists problems in pipeline order with readable messages', async () => {
    const noDob = without(vaccinationHcert(), 'dob');
    const result = await verifyDcc(await makeDcc(testOnly, { hcert: noDob, corruptSignature: true }), {
      trustList: trust,
      at: new Date((T0 + 80 * 3600) * 1000),
    });
    expect(result.problems.map((p) => `${p.step}/${p.code}`)).toEqual([
      'schema/schema_violation',
      'signature/bad_signature',
      'keyUsage/not_permitted',
      'expiry/expired',
    ]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result); // plain JSON: fit for CLI and IPC
  });
});
