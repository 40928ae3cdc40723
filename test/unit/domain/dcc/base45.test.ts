import { describe, expect, it } from 'vitest';
import { decodeBase45, encodeBase45 } from '../../../../shared/domain/dcc';

const text = (s: string) => new TextEncoder().encode(s);

describe('Base45 (RFC 9285)', () => {
  // RFC 9285 §4.3 and §4.4 examples.
  it.each([
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
  ])('encodes and decodes %j as %j', (plain, encoded) => {
    expect(encodeBase45(text(plain))).toBe(encoded);
    const decoded = decodeBase45(encoded);
    expect(decoded.ok && new TextDecoder().decode(decoded.value)).toBe(plain);
  });

  it('round-trips every byte value and both tail lengths', () => {
    const bytes = Uint8Array.from({ length: 257 }, (_, i) => (i * 97) & 0xff);
    for (const n of [0, 1, 2, 3, 256, 257]) {
      const part = bytes.subarray(0, n);
      const decoded = decodeBase45(encodeBase45(part));
      expect(decoded.ok && [...decoded.value]).toEqual([...part]);
    }
  });

  it('rejects characters outside the alphabet, with their position', () => {
    const result = decodeBase45('BB8a');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_length' } });
    const bad = decodeBase45('BB8ab_');
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_character' } });
    expect(!bad.ok && bad.error.message).toContain('position 3');
    expect(decodeBase45('BB8é1')).toMatchObject({ ok: false, error: { code: 'invalid_character' } });
  });

  it('rejects a length of 3n+1', () => {
    expect(decodeBase45('BB8B')).toMatchObject({ ok: false, error: { code: 'invalid_length' } });
  });

  it('rejects groups over 65535 and pairs over 255 (RFC 9285 §4.2)', () => {
    expect(decodeBase45('GGW')).toMatchObject({ ok: false, error: { code: 'value_out_of_range' } }); // 65536
    expect(decodeBase45('FGW')).toMatchObject({ ok: true }); // 65535
    expect(decodeBase45('::')).toMatchObject({ ok: false, error: { code: 'value_out_of_range' } });
  });
});
