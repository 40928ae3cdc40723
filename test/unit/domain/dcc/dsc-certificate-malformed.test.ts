import { describe, expect, it } from 'vitest';
import { parseDscCertificate } from '../../../../shared/domain/dcc';

describe('parseDscCertificate on malformed DER (found by test/fuzz/imports.fuzz.test.ts)', () => {
  it('turns asn1js throwing on a GeneralizedTime that is not a time into a typed problem', async () => {
    // SEQUENCE { GeneralizedTime "ABC" }: asn1js.fromBER throws "Wrong input string for conversion".
    const result = await parseDscCertificate(new Uint8Array([0x30, 0x05, 0x18, 0x03, 0x41, 0x42, 0x43]));
    expect(result).toEqual({ ok: false, error: { code: 'not_der', message: 'signing certificate is not valid DER: Wrong input string for conversion' } });
  });
});
