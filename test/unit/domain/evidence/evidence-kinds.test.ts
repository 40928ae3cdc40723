import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrustList, parseDscCertificate, verifyDcc, type TrustList } from '../../../../shared/domain/dcc';
import { evidenceFromDcc, evidenceFromOtherQr, otherQrForm } from '../../../../shared/domain/evidence';
import { EKU, makeDcc, makeSigner, recoveryHcert, T0, testHcert, vaccinationHcert, type TestSigner } from '../../../fixtures/dcc/build-dcc';

const AT = new Date((T0 + 3600) * 1000);
const captured = { id: 'e1', capturedAt: AT, payloadSha256: '00'.repeat(32) };

describe('evidenceFromDcc', () => {
  let signer: TestSigner;
  let trustList: TrustList;
  beforeAll(async () => {
    signer = await makeSigner('ES256', { country: 'UZ', ekus: [EKU.test, EKU.vaccination, EKU.recovery] });
    const dsc = await parseDscCertificate(signer.der);
    if (!dsc.ok) throw new Error(dsc.error.message);
    trustList = buildTrustList([dsc.value]);
  });

  it('reads holder (original script and standardised), test details and the full certificate', async () => {
    const hcert = testHcert({ nam: { fn: 'Ҷураев', fnt: 'DZHURAEV', gn: 'Рустам', gnt: 'RUSTAM' }, dob: '1990-01' });
    const evidence = evidenceFromDcc(await verifyDcc(await makeDcc(signer, { hcert }), { trustList, at: AT }), captured);
    expect(evidence.valid).toBe(true);
    expect(evidence.holder).toEqual({ surname: 'Ҷураев', givenNames: 'Рустам', surnameStandardised: 'DZHURAEV', givenNamesStandardised: 'RUSTAM', birthDate: '1990-01' });
    expect(evidence.test).toMatchObject({ kind: 'pcr', result: 'negative', sampleTime: '2021-06-01T06:30:00Z', centre: 'Tashkent Central Lab' });
    expect(evidence.signer?.country).toBe('UZ');
    expect(evidence.hcert?.ver).toBe('1.3.0');
    expect(JSON.parse(JSON.stringify(evidence))).toEqual(evidence);
  });

  it('turns `<` in standardised names into spaces', async () => {
    const evidence = evidenceFromDcc(await verifyDcc(await makeDcc(signer, { hcert: vaccinationHcert(), expiresAt: T0 + 86400 }), { trustList, at: AT }), captured);
    expect(evidence.holder?.surnameStandardised).toBe('MUSTERFRAU GOESSINGER');
    expect(evidence.vaccination).toMatchObject({ doseNumber: 2, seriesDoses: 2, date: '2021-05-20', productCode: 'EU/1/20/1528' });
  });

  it('reads recovery certificates', async () => {
    const evidence = evidenceFromDcc(await verifyDcc(await makeDcc(signer, { hcert: recoveryHcert() }), { trustList, at: AT }), captured);
    expect(evidence.recovery).toMatchObject({ validFrom: '2021-04-15', validUntil: '2021-10-01' });
  });

  it('keeps the failed steps of a forged certificate and no trusted details', async () => {
    const evidence = evidenceFromDcc(await verifyDcc(await makeDcc(signer, { corruptSignature: true }), { trustList, at: AT }), captured);
    expect(evidence.valid).toBe(false);
    expect(evidence.steps.signature).toMatchObject({ ok: false });
    expect(evidence.problems.map((p) => p.code)).toContain('bad_signature');
    expect(evidence.signer).toBeUndefined();
  });

  it('a test of an unknown type or result keeps its codes for the rule profile to judge', async () => {
    const hcert = testHcert();
    const t = (hcert.t as Record<string, unknown>[])[0]!;
    t.tt = 'LP0000-0';
    t.tr = 'NEGATIVO';
    const evidence = evidenceFromDcc(await verifyDcc(await makeDcc(signer, { hcert }), { trustList, at: AT }), captured);
    expect(evidence.test).toMatchObject({ kind: 'unknown', result: 'unknown', resultCode: 'NEGATIVO' });
    expect(evidence.codes.filter((c) => !c.known).map((c) => c.code).sort()).toEqual(['LP0000-0', 'NEGATIVO']);
  });
});

describe('other QR evidence', () => {
  it('tells lab links, SMART Health Cards and JSON apart from plain text', () => {
    expect(otherQrForm('https://lab.example.uz/result/123')).toBe('url');
    expect(otherQrForm('shc:/5676290952432060346029243740446031222959532654603460292540772804336028702864716745222809286155305564710341432164324111083963210645240371337436')).toBe('shc');
    expect(otherQrForm('{"name":"Rustam","result":"negative"}')).toBe('json');
    expect(otherQrForm('[1,2]')).toBe('json');
    expect(otherQrForm('{not json')).toBeUndefined();
    expect(otherQrForm('hello operator')).toBeUndefined();
  });

  it('records the host of a link and shortens long payloads', () => {
    const link = evidenceFromOtherQr('https://lab.example.uz/r/1', 'url', captured);
    expect(link).toMatchObject({ kind: 'other-qr', form: 'url', host: 'lab.example.uz', text: 'https://lab.example.uz/r/1' });
    const long = evidenceFromOtherQr(`{"x":"${'a'.repeat(1000)}"}`, 'json', captured);
    expect([...long.text].length).toBe(301);
    expect(long.text.endsWith('…')).toBe(true);
  });
});
