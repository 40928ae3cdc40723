import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeAimIdentifier, parseAimIdentifier, stripAimPrefix } from '../../../../shared/domain/scanner-input';

describe('AIM symbology identifiers (ISO/IEC 15424)', () => {
  it.each([
    [']Q1', 'qr-code', 'QR Code (Model 2)'],
    [']Q3', 'qr-code', 'QR Code (GS1 QR Code)'],
    [']d1', 'data-matrix', 'Data Matrix (ECC 200)'],
    [']d2', 'data-matrix', 'Data Matrix (GS1 DataMatrix)'],
    [']L0', 'pdf417', 'PDF417'],
    [']L2', 'pdf417', 'PDF417'],
    [']z0', 'aztec', 'Aztec Code'],
    [']C0', 'code-128', 'Code 128'],
    [']C1', 'code-128', 'Code 128 (GS1-128 (FNC1 in first position))'],
    [']E0', 'ean-upc', 'EAN/UPC (EAN-13 / UPC-A / UPC-E)'],
    [']E4', 'ean-upc', 'EAN/UPC (EAN-8)'],
    [']A0', 'code-39', 'Code 39'],
    [']I1', 'itf', 'Interleaved 2 of 5'],
    [']U1', 'maxicode', 'MaxiCode'],
    [']Y3ABC', 'system-expansion', 'System expansion'],
  ])('%s is %s', (id, symbology, description) => {
    const parsed = parseAimIdentifier(id);
    expect(parsed.ok && parsed.value).toMatchObject({ raw: id, code: id[1], modifier: id.slice(2), symbology });
    expect(describeAimIdentifier(id)).toBe(description);
  });

  it('rejects what is not an identifier, naming why', () => {
    const code = (id: string): string | undefined => {
      const parsed = parseAimIdentifier(id);
      return parsed.ok ? undefined : parsed.error.code;
    };
    expect(code('Q1')).toBe('not-aim');
    expect(code(']Q')).toBe('not-aim');
    expect(code(']Q12')).toBe('not-aim');
    expect(code(']Y3AB')).toBe('not-aim');
    expect(code(']W1')).toBe('unknown-code');
    expect(code(']Q-')).toBe('bad-modifier');
    expect(describeAimIdentifier('HC1')).toBeUndefined();
  });

  it('strips a leading identifier and leaves other payloads alone', () => {
    const split = stripAimPrefix(']Q1HC1:NCFJ80');
    expect(split.data).toBe('HC1:NCFJ80');
    expect(split.aim?.name).toBe('QR Code');
    expect(stripAimPrefix('HC1:NCFJ80')).toEqual({ aim: undefined, data: 'HC1:NCFJ80' });
    // "]" followed by an unknown code character is data, not an identifier.
    expect(stripAimPrefix(']W1abc')).toEqual({ aim: undefined, data: ']W1abc' });
    expect(stripAimPrefix(']Y9AB')).toEqual({ aim: undefined, data: ']Y9AB' });
    expect(stripAimPrefix(']d2')).toMatchObject({ data: '' });
  });

  it('never throws and strip + raw always rebuilds the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 16 }), fc.constantFrom('', ']', ']Q', ']Y'), (tail, head) => {
        const text = head + tail;
        const split = stripAimPrefix(text);
        expect((split.aim?.raw ?? '') + split.data).toBe(text);
        parseAimIdentifier(text);
      }),
      { numRuns: 300 },
    );
  });
});
