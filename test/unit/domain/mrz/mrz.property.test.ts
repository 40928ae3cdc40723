import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMrz, countryCodes, parseMrz, type MrzDocumentInput, type MrzFormat, type MrzSex } from '../../../../shared/domain/mrz';

const REF = new Date('2025-06-01T00:00:00Z');
const DAY = 86_400_000;
const RUNS = { numRuns: 400 };

// ---------------------------------------------------------------- an independent statement of the check digits
// ICAO 9303 Part 3 §4.9 and the positions of Parts 4–7, written out again without the engine's code, to judge its results.
const value = (c: string): number => (c === '<' ? 0 : /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
const digit = (s: string): string => String([...s].reduce((sum, c, i) => sum + value(c) * [7, 3, 1][i % 3]!, 0) % 10);
const ok = (data: string, cd: string | undefined): boolean => cd === digit(data);

/** Every check digit of `lines` holds (TD1/TD2 long document numbers: the overflow with its check digit). */
function allCheckDigitsHold(format: MrzFormat, lines: readonly string[]): boolean {
  const [a = '', b = ''] = lines;
  const long = (docLine: string, docAt: number, area: string): boolean => {
    const cd = docLine[docAt + 9];
    if (cd !== '<') return ok(docLine.slice(docAt, docAt + 9), cd);
    const run = /^[A-Z0-9]+/.exec(area)?.[0] ?? '';
    const doc = docLine.slice(docAt, docAt + 9);
    return run.length > 0 && (ok(doc + run.slice(0, -1), run.at(-1)) || ok(`${doc}<${run.slice(0, -1)}`, run.at(-1)));
  };
  switch (format) {
    case 'TD3':
      return (
        ok(b.slice(0, 9), b[9]) && ok(b.slice(13, 19), b[19]) && ok(b.slice(21, 27), b[27]) &&
        (/^<*$/.test(b.slice(28, 42)) ? b[42] === '<' || b[42] === '0' : ok(b.slice(28, 42), b[42])) &&
        ok(b.slice(0, 10) + b.slice(13, 20) + b.slice(21, 43), b[43])
      );
    case 'TD2':
      return long(b, 0, b.slice(28, 35)) && ok(b.slice(13, 19), b[19]) && ok(b.slice(21, 27), b[27]) && ok(b.slice(0, 10) + b.slice(13, 20) + b.slice(21, 35), b[35]);
    case 'MRVA':
    case 'MRVB':
      return ok(b.slice(0, 9), b[9]) && ok(b.slice(13, 19), b[19]) && ok(b.slice(21, 27), b[27]);
    case 'TD1':
      return long(a, 5, a.slice(15, 30)) && ok(b.slice(0, 6), b[6]) && ok(b.slice(8, 14), b[14]) && ok(a.slice(5, 30) + b.slice(0, 7) + b.slice(8, 15) + b.slice(18, 29), b[29]);
    case 'FRENCH_ID':
      return ok(b.slice(0, 12), b[12]) && ok(b.slice(27, 33), b[33]) && ok(a + b.slice(0, 35), b[35]);
  }
}

// ---------------------------------------------------------------- random valid documents
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const DIGITS = '0123456789'.split('');
const ALNUM = [...LETTERS, ...DIGITS];
const text = (chars: string[], min: number, max: number) => fc.string({ unit: fc.constantFrom(...chars), minLength: min, maxLength: max });
const words = (max: number, maxWords: number) =>
  fc.array(text(LETTERS, 1, 8), { minLength: 0, maxLength: maxWords }).map((w) => w.join(' ')).filter((s) => s.length <= max);
const STATES = [...countryCodes().keys()];
const isoDay = (t: number): string => new Date(t).toISOString().slice(0, 10);
// Birth: within the 100 years up to the reference day; expiry: within the plausible window [−10, +20) years.
const birth = fc.integer({ min: REF.getTime() - 99 * 365 * DAY, max: REF.getTime() }).map(isoDay);
const expiry = fc.integer({ min: REF.getTime() - 9 * 365 * DAY, max: REF.getTime() + 19 * 365 * DAY }).map(isoDay);
const sex = fc.constantFrom<MrzSex>('M', 'F', 'X', '<');

/** Name lengths that fit the name field with room to spare (a full field is reported as possibly truncated). */
const NAME_ROOM: Record<MrzFormat, number> = { TD3: 38, MRVA: 38, TD2: 30, MRVB: 30, TD1: 29, FRENCH_ID: 0 };
const CODE_FIRST: Record<MrzFormat, string[]> = { TD3: ['P'], MRVA: ['V'], MRVB: ['V'], TD2: ['I', 'A', 'C'], TD1: ['I', 'A', 'C'], FRENCH_ID: ['I'] };

interface Generated {
  readonly input: MrzDocumentInput;
  readonly expected: { surname: string; givenNames: string; documentNumber: string; optionalData: string; optionalData2: string | null };
}

function documentOf(format: MrzFormat): fc.Arbitrary<Generated> {
  if (format === 'FRENCH_ID') {
    return fc
      .record({
        surname: words(24, 3).filter((s) => s.replace(/ /g, '<').length < 25),
        given: fc.array(text(LETTERS, 1, 6), { maxLength: 2 }).filter((g) => g.join('<<').length < 14),
        number: fc.tuple(text(DIGITS, 4, 4), text(ALNUM, 3, 3), text(DIGITS, 5, 5)).map((p) => p.join('')),
        admin: text(ALNUM, 0, 6),
        birthDate: birth,
        sex,
      })
      .map((d) => ({
        input: { format, documentCode: 'ID', issuingState: 'FRA', surname: d.surname, givenNames: d.given.join(' '), documentNumber: d.number, birthDate: d.birthDate, sex: d.sex, optionalData: d.admin },
        expected: { surname: d.surname, givenNames: d.given.join(' '), documentNumber: d.number, optionalData: d.admin, optionalData2: null },
      }));
  }
  const optionalMax = { TD3: 14, TD2: 7, MRVA: 16, MRVB: 8, TD1: 15 }[format];
  const docMax = format === 'TD1' ? 14 : format === 'TD2' ? 12 : 9;
  return fc
    .record({
      code: fc.tuple(fc.constantFrom(...CODE_FIRST[format]), fc.constantFrom('', ...LETTERS)).map(([a, b]) => a + b),
      state: fc.constantFrom(...STATES),
      nationality: fc.constantFrom(...STATES),
      surname: words(NAME_ROOM[format], 3),
      givenNames: words(NAME_ROOM[format], 3),
      number: text(ALNUM, 1, docMax),
      optional: text(ALNUM, 0, optionalMax),
      optional2: text(ALNUM, 0, 11),
      birthDate: birth,
      expiryDate: expiry,
      sex,
    })
    .filter((d) => {
      const name = d.givenNames ? `${d.surname}<<${d.givenNames}` : d.surname;
      if (name.replace(/ /g, '<').length >= NAME_ROOM[format] + 1) return false;
      // A long number's overflow, its check digit, a filler and the optional data must share the optional field.
      if (d.number.length > 9) return d.number.length - 9 + 1 + (d.optional ? 1 + d.optional.length : 0) <= optionalMax;
      return true;
    })
    .map((d) => ({
      input: {
        format,
        documentCode: d.code,
        issuingState: d.state,
        surname: d.surname,
        givenNames: d.givenNames,
        documentNumber: d.number,
        nationality: d.nationality,
        birthDate: d.birthDate,
        sex: d.sex,
        expiryDate: d.expiryDate,
        optionalData: d.optional,
        optionalData2: format === 'TD1' ? d.optional2 : undefined,
      },
      expected: {
        // An empty primary identifier with given names reads back as it was built (field starts with `<<`).
        surname: d.surname,
        givenNames: d.givenNames,
        documentNumber: d.number,
        optionalData: d.optional,
        optionalData2: format === 'TD1' ? d.optional2 : null,
      },
    }));
}

const FORMATS: MrzFormat[] = ['TD3', 'TD2', 'TD1', 'MRVA', 'MRVB', 'FRENCH_ID'];
const anyDocument = fc.constantFrom(...FORMATS).chain(documentOf);

const linesOf = (g: Generated): string[] => {
  const r = buildMrz(g.input);
  if (!r.ok) throw new Error(`generator produced an unbuildable document: ${r.error.map((p) => p.message).join('; ')}`);
  return r.value.lines;
};

describe('MRZ properties', () => {
  it('renders random valid documents and parses them back identically', () => {
    fc.assert(
      fc.property(anyDocument, (g) => {
        const lines = linesOf(g);
        const r = parseMrz(lines.join('\n'), { referenceDate: REF });
        expect(r.readable).toBe(true);
        if (!r.readable) return;
        expect(r.format).toBe(g.input.format);
        expect(r.status).toBe('valid');
        expect(r.corrections).toEqual([]);
        expect(r.lines).toEqual(lines);
        expect(allCheckDigitsHold(r.format, r.lines)).toBe(true);
        const f = r.fields;
        expect({
          surname: f.surname,
          givenNames: f.givenNames,
          documentNumber: f.documentNumber,
          optionalData: f.optionalData,
          optionalData2: f.optionalData2,
        }).toEqual(g.expected);
        expect(f.birthDate).toBe(g.input.birthDate);
        expect(f.sex).toBe(g.input.sex);
        if (g.input.format !== 'FRENCH_ID') {
          expect(f.expiryDate).toBe(g.input.expiryDate);
          expect(f.issuingState).toBe(g.input.issuingState);
          expect(f.nationality).toBe(g.input.nationality);
          expect(f.documentCode).toBe(g.input.documentCode);
        }
      }),
      RUNS,
    );
  });

  const JUNK = [...ALNUM, '<', '<', '<', ' ', '*', 'é', '\n', '^', 'o', '0', 'O'];
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), ch: fc.constantFrom(...JUNK) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), ch: fc.constantFrom(...JUNK) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), ch: fc.constant('') }),
  );
  const mutate = (textIn: string, ms: readonly { kind: 'replace' | 'insert' | 'delete'; at: number; ch: string }[]): string =>
    ms.reduce((t, m) => {
      const i = t.length === 0 ? 0 : m.at % t.length;
      if (m.kind === 'replace') return t.slice(0, i) + m.ch + t.slice(i + 1);
      if (m.kind === 'insert') return t.slice(0, i) + m.ch + t.slice(i);
      return t.slice(0, i) + t.slice(i + 1);
    }, textIn);

  it('never throws on mutated input and never calls an MRZ valid when a check digit is wrong', () => {
    fc.assert(
      fc.property(anyDocument, fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean(), (g, ms, correct) => {
        const mutated = mutate(linesOf(g).join('\n'), ms);
        let r!: ReturnType<typeof parseMrz>;
        expect(() => (r = parseMrz(mutated, { referenceDate: REF, ocrCorrection: correct }))).not.toThrow();
        if (!r.readable) {
          expect(r.problems.length).toBeGreaterThan(0);
          return;
        }
        if (r.status === 'valid' || r.status === 'valid-after-correction') {
          expect(allCheckDigitsHold(r.format, r.lines)).toBe(true);
          expect(r.checks.every((c) => c.ok)).toBe(true);
          expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
        }
        if (r.status === 'valid') expect(r.corrections).toEqual([]);
        if (r.status === 'invalid') expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(() => parseMrz(s, { referenceDate: REF })).not.toThrow();
      }),
      RUNS,
    );
  });

  it('rejects any wrong check digit as printed', () => {
    fc.assert(
      fc.property(anyDocument, fc.nat(), fc.integer({ min: 1, max: 9 }), (g, pick, shift) => {
        const lines = linesOf(g);
        const printed = parseMrz(lines.join('\n'), { referenceDate: REF });
        if (!printed.readable) throw new Error('unreadable generated document');
        // Find the check-digit positions by the independent statement: a position is a check digit if changing it breaks it.
        const candidates: [number, number][] = [];
        lines.forEach((l, li) => [...l].forEach((c, ci) => {
          if (!/[0-9]/.test(c)) return;
          const changed = lines.map((x, k) => (k === li ? x.slice(0, ci) + String((Number(c) + shift) % 10) + x.slice(ci + 1) : x));
          if (!allCheckDigitsHold(g.input.format, changed)) candidates.push([li, ci]);
        }));
        const [li, ci] = candidates[pick % candidates.length]!;
        const bad = lines.map((x, k) => (k === li ? x.slice(0, ci) + String((Number(x[ci]) + shift) % 10) + x.slice(ci + 1) : x));
        for (const ocrCorrection of [false, true]) {
          const r = parseMrz(bad.join('\n'), { referenceDate: REF, ocrCorrection });
          expect(r.readable && r.status).not.toBe('valid');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('restores a look-alike letter read in a digits-only position, and a look-alike digit read in a name', () => {
    const LETTER_FOR: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B' };
    const DIGIT_FOR: Record<string, string> = { O: '0', I: '1', Z: '2', S: '5', G: '6', B: '8' };
    fc.assert(
      fc.property(anyDocument, fc.nat(), fc.boolean(), (g, pick, inDate) => {
        const lines = linesOf(g);
        const f = g.input.format;
        // digits-only positions: the birth date and its check digit (line and columns per format)
        const [li, from, to] = inDate ? (f === 'TD1' ? [1, 0, 7] : f === 'FRENCH_ID' ? [1, 27, 34] : [1, 13, 20]) : f === 'TD1' ? [2, 0, 30] : f === 'FRENCH_ID' ? [0, 5, 30] : [0, 5, lines[0]!.length];
        const table = inDate ? LETTER_FOR : DIGIT_FOR;
        const spots = [...lines[li]!.slice(from, to)].map((c, i) => [c, from + i] as const).filter(([c]) => table[c] !== undefined);
        fc.pre(spots.length > 0);
        const [c, at] = spots[pick % spots.length]!;
        const bad = lines.map((x, k) => (k === li ? x.slice(0, at) + table[c]! + x.slice(at + 1) : x));
        const r = parseMrz(bad.join('\n'), { referenceDate: REF });
        expect(r.readable && r.status).toBe('valid-after-correction');
        expect(r.readable && r.lines).toEqual(lines);
        expect(r.readable && r.corrections).toHaveLength(1);
      }),
      RUNS,
    );
  });
});
