/**
 * MRZ conformance: every case of <conformance>/mrz/cases.json (ICAO specimens, public test suites and cases derived
 * from them; schema in its README) through `parseMrz`, twice:
 * - as printed (`ocrCorrection: false`): fields, check digits and validity must equal the case's;
 * - tolerant (default): valid cases stay untouched, OCR cases must come out as `correctedLines` with the listed
 *   corrections, normalisation cases as `normalizedLines`, and no other invalid case may be "corrected" on the
 *   strength of check digits.
 * A case may fail only if test/conformance/mrz-deviations.md lists it (the data itself is wrong); a listed case that
 * passes fails the run, so the list stays true.
 */
import { describe, expect, it } from 'vitest';
import { parseMrz } from '../../shared/domain/mrz';
import { REFERENCE, casesPath, casesPresent, deviations, loadCases, verifyCase, type Case } from './mrz-case';

function verify(c: Case): void {
  const text = c.lines.join('\n');
  verifyCase(c, parseMrz(text, { referenceDate: REFERENCE, ocrCorrection: false }), parseMrz(text, { referenceDate: REFERENCE }));
}

if (!casesPresent) {
  console.warn(`MRZ conformance skipped: ${casesPath} not found`);
}

(casesPresent ? describe : describe.skip)('MRZ conformance (ICAO 9303 cases)', () => {
  const cases: Case[] = loadCases();
  const listed = deviations();

  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    it(c.id, () => {
      if (!listed.has(c.id)) {
        verify(c);
        return;
      }
      let failed = false;
      try {
        verify(c);
      } catch {
        failed = true;
      }
      expect(failed, `${c.id} is listed in mrz-deviations.md but passes: remove it from the list`).toBe(true);
    });
  }

  it('lists only existing cases as deviations', () => {
    const ids = new Set(cases.map((c) => c.id));
    expect([...listed].filter((id) => !ids.has(id))).toEqual([]);
  });
});
