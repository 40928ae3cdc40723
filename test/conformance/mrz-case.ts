/**
 * The MRZ conformance cases (<conformance>/mrz/cases.json, schema in its README) and the assertions for
 * one case, shared by the engine suite (mrz.conformance.test.ts) and the CLI suite (mrz-cli.conformance.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { MrzCheckName, MrzReadable, MrzResult } from '../../shared/domain/mrz';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');
const conformanceDir = process.env.CONFORMANCE_DIR ?? path.join(repoRoot, '../shared/conformance');
export const casesPath = path.join(conformanceDir, 'mrz', 'cases.json');
export const casesPresent = existsSync(casesPath);
// The century does not matter to these cases (dates are compared as printed); a fixed day keeps runs repeatable.
export const REFERENCE = new Date('2025-06-01T00:00:00Z');

export const loadCases = (): Case[] => (casesPresent ? (JSON.parse(readFileSync(casesPath, 'utf8')) as Case[]) : []);

export interface Case {
  id: string;
  format: string;
  lines: string[];
  valid: boolean;
  fields: Record<string, string | null> | null;
  checks: Record<string, boolean> | null;
  expectedCorrections?: { field: string; from: string; to: string }[];
  correctedLines?: string[];
  validAfterCorrection?: boolean;
  normalizedLines?: string[];
  validAfterNormalization?: boolean;
}

const SEX: Record<string, string> = { M: 'male', F: 'female', X: 'nonspecified', '<': 'nonspecified' };

/** Our fields under the case schema's names (README "fields"). */
function caseFields(r: MrzReadable): Record<string, string | null> {
  const f = r.fields;
  const out: Record<string, string | null> = {
    documentCode: f.documentCode,
    issuingState: f.issuingState,
    lastName: f.surname,
    firstName: f.givenNames,
    documentNumber: f.documentNumber,
    birthDate: f.birthDateRaw,
    sex: f.sex === null ? null : SEX[f.sex]!,
  };
  if (r.format !== 'FRENCH_ID') {
    out.nationality = f.nationality;
    out.expirationDate = f.expiryDateRaw;
  }
  if (r.format === 'TD3') out.personalNumber = f.optionalData;
  else out.optional1 = f.optionalData;
  if (r.format === 'TD1') out.optional2 = f.optionalData2;
  return out;
}

const CHECK_NAMES: Record<string, MrzCheckName> = {
  documentNumber: 'documentNumber',
  birthDate: 'birthDate',
  expirationDate: 'expiryDate',
  personalNumber: 'optionalData',
  composite: 'composite',
};

function caseChecks(r: MrzReadable): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [theirs, ours] of Object.entries(CHECK_NAMES)) {
    const c = r.checks.find((k) => k.field === ours);
    if (c) out[theirs] = c.ok;
  }
  return out;
}

/** A correction's `field` in the case schema → our correction field. */
const CORRECTION_FIELDS: Record<string, string> = {
  lastName: 'surname',
  firstName: 'givenNames',
  expirationDate: 'expiryDate',
  personalNumber: 'optionalData',
  optional1: 'optionalData',
  optional2: 'optionalData2',
  expirationDateCheckDigit: 'expiryDateCheckDigit',
  personalNumberCheckDigit: 'optionalDataCheckDigit',
};
const ourCorrectionField = (theirs: string): string => CORRECTION_FIELDS[theirs] ?? theirs;

/** The value of a case-schema field (or `<field>CheckDigit`) in a result. */
function valueOf(r: MrzReadable, theirs: string): string | null | undefined {
  const digit = /^(.*)CheckDigit$/.exec(theirs);
  if (digit) return r.checks.find((c) => c.field === CHECK_NAMES[digit[1]!])?.printed;
  return caseFields(r)[theirs];
}

function readable(r: MrzResult): MrzReadable {
  if (!r.readable) throw new Error(`unreadable: ${r.problems.map((p) => p.message).join('; ')}`);
  return r;
}

/**
 * Every assertion for one case, given its results read as printed (`ocrCorrection: false`) and tolerant
 * (default); throws on the first mismatch. The engine test and the CLI test both use it.
 */
export function verifyCase(c: Case, printed: MrzResult, tolerant: MrzResult): void {
  if (c.fields === null) {
    if (c.normalizedLines) {
      const r = readable(printed);
      expect(r.lines, 'normalized lines').toEqual(c.normalizedLines);
      expect(r.normalisations.length, 'normalisations reported').toBeGreaterThan(0);
      expect(r.status === 'valid', 'valid after normalisation').toBe(c.validAfterNormalization);
    } else {
      expect(!printed.readable || printed.status === 'invalid', 'rejected').toBe(true);
    }
  } else {
    const r = readable(printed);
    expect(r.format, 'format').toBe(c.format);
    const actual = caseFields(r);
    const expected = Object.fromEntries(Object.keys(c.fields).map((k) => [k, actual[k]]));
    expect(expected, 'fields as printed').toEqual(c.fields);
    expect(caseChecks(r), 'check digits as printed').toEqual(c.checks);
    expect(r.status === 'valid' && r.normalisations.length === 0, 'valid as printed').toBe(c.valid);
  }

  if (c.valid) {
    const t = readable(tolerant);
    expect(t.status, 'tolerant status').toBe('valid');
    expect(t.corrections, 'no corrections on a valid MRZ').toEqual([]);
  } else if (c.expectedCorrections) {
    const t = readable(tolerant);
    const p = readable(printed);
    expect(t.lines, 'corrected lines').toEqual(c.correctedLines);
    expect(t.status, 'tolerant status').toBe(c.validAfterCorrection ? 'valid-after-correction' : 'invalid');
    const fields = new Set(t.corrections.map((k) => k.field));
    expect([...fields].sort(), 'corrected fields').toEqual([...new Set(c.expectedCorrections.map((e) => ourCorrectionField(e.field)))].sort());
    for (const e of c.expectedCorrections) {
      expect({ field: e.field, from: valueOf(p, e.field), to: valueOf(t, e.field) }, 'correction').toEqual(e);
    }
  } else if (c.normalizedLines) {
    const t = readable(tolerant);
    expect(t.lines, 'normalized lines').toEqual(c.normalizedLines);
    expect(t.status === 'valid', 'valid after normalisation').toBe(c.validAfterNormalization);
  } else if (tolerant.readable) {
    expect(tolerant.status, 'tolerant status').not.toBe('valid');
    expect(
      tolerant.corrections.filter((k) => k.basis === 'check-digit'),
      'no check-digit guesses where the case expects no correction',
    ).toEqual([]);
  }
}

/** Case ids listed in the deviations file (`| \`id\` | reason |` rows). */
export function deviations(): Set<string> {
  const file = path.join(here, 'mrz-deviations.md');
  if (!existsSync(file)) return new Set();
  const ids = [...readFileSync(file, 'utf8').matchAll(/^\|\s*`([^`]+)`\s*\|/gm)].map((m) => m[1]!);
  return new Set(ids);
}

