import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase45, decodeCoseSign1, decodeCwtClaims, inflateZlib } from '../../shared/domain/dcc';
import { parseMrz, nameKey, nameSimilarity } from '../../shared/domain/mrz';
import { classifyPayload, PAYLOAD_KINDS } from '../../shared/domain/payload';
import { TAJIK_PASSPORT } from '../fixtures/mrz/passports';
import { isReadableProblem, runs } from './fuzz-config';

const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';
const mrzChar = fc.constantFrom(...MRZ_ALPHABET.split(''), ' ', '\n', '^', 'o', 'Ё', '«');
const mrzLike = fc.oneof(
  fc.string({ unit: mrzChar, maxLength: 140 }),
  // Real passport zones with random single-character damage: where OCR errors live.
  fc.tuple(fc.nat(88), fc.constantFrom(...MRZ_ALPHABET.split(''), 'O', 'I', ' ', '')).map(([at, ch]) => {
    const text = TAJIK_PASSPORT.lines.join('\n');
    return text.slice(0, at) + ch + text.slice(at + 1);
  }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);
const AT = new Date('2026-01-01T00:00:00Z');

describe('fuzz: pure parsers never throw and always explain a rejection', () => {
  it('classifyPayload: 20k payloads', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 600 }), mrzLike, fc.string().map((s) => `HC1:${s}`)), (raw) => {
        const result = classifyPayload(raw);
        expect(PAYLOAD_KINDS).toContain(result.kind);
        expect(raw.includes(result.text) || result.stripped.length > 0).toBe(true);
      }),
      runs(20_000),
    );
  });

  it('parseMrz: 25k inputs; never valid with a wrong check digit', () => {
    fc.assert(
      fc.property(mrzLike, fc.boolean(), (text, ocrCorrection) => {
        const result = parseMrz(text, { referenceDate: AT, ocrCorrection });
        if (!result.readable) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) expect(isReadableProblem(problem)).toBe(true);
          return;
        }
        if (result.status === 'valid') expect(result.checks.every((check) => check.ok)).toBe(true);
        if (result.status === 'invalid') expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
      }),
      runs(25_000),
    );
  });

  it('nameKey / nameSimilarity: 8k names in any script', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), (a, b) => {
        expect(typeof nameKey(a)).toBe('string');
        const similarity = nameSimilarity(a, b);
        expect(similarity).toBeGreaterThanOrEqual(0);
        expect(similarity).toBeLessThanOrEqual(1);
      }),
      runs(8_000),
    );
  });

  it('Base45: 15k strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'.split('')), maxLength: 300 }), fc.string({ maxLength: 100 })), (text) => {
        const result = decodeBase45(text);
        if (!result.ok) expect(isReadableProblem(result.error)).toBe(true);
      }),
      runs(15_000),
    );
  });

  it('zlib inflate: 5k byte strings (random and truncated/mutated real streams), output capped', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.nat(64 * 1024), (bytes, cap) => {
        const withHeader = bytes.length > 2 ? Uint8Array.from([0x78, 0x9c, ...bytes.slice(2)]) : bytes;
        for (const input of [bytes, withHeader]) {
          const result = inflateZlib(input, cap + 1);
          if (result.ok) expect(result.value.length).toBeLessThanOrEqual(cap + 1);
          else expect(isReadableProblem(result.error)).toBe(true);
        }
      }),
      runs(5_000),
    );
  });

  it('COSE_Sign1 and CWT claims: 8k hostile CBOR byte strings each', () => {
    const cborish = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.uint8Array({ maxLength: 200 }).map((b) => Uint8Array.from([0xd2, 0x84, ...b])), // tag 18 + array(4)
      fc.uint8Array({ maxLength: 200 }).map((b) => Uint8Array.from([0x84, 0x43, 0xa1, 0x01, 0x26, ...b])),
      fc.uint8Array({ maxLength: 200 }).map((b) => Uint8Array.from([0xbf, ...b])), // indefinite map
    );
    fc.assert(
      fc.property(cborish, (bytes) => {
        const cose = decodeCoseSign1(bytes);
        if (!cose.ok) expect(isReadableProblem(cose.error)).toBe(true);
        const cwt = decodeCwtClaims(bytes);
        if (!cwt.ok) expect(isReadableProblem(cwt.error)).toBe(true);
      }),
      runs(8_000),
    );
  });
});
