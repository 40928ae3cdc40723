import { z } from 'zod';
import { err, ok, type Problem, type Result } from '../result';
import type { JsonValue } from './cbor-json';
import { lookupValueSet, type ValueSetId } from './value-sets';

/**
 * The EU DCC JSON schema, ehn-dcc-schema release 1.3.3 (the last one; 1.3.2 let a name
 * have only a standardised forename, 1.3.0 demanded the surname), written as zod. Kept
 * equivalent to the JSON Schema 2020-12 semantics:
 * - patterns are unanchored unless the schema anchors them ("[A-Z]{1,10}" matches any text
 *   holding a capital letter);
 * - maxLength counts code points, not UTF-16 units (JSON Schema 2020-12 validation §6.3.1);
 * - unknown properties are allowed (the schema has no additionalProperties: false);
 * - `format` (date, date-time) is an annotation, not asserted: issued certificates carry
 *   date-times in date fields, and the EU reference test suite does not check it either.
 * Older payloads (ver 1.0.x–1.2.x) are judged by this same schema. 1.3 relaxed the earlier
 * releases (longer texts, partial dob, optional tc) except for two rules: one entry per
 * group, and `nm` at most 80 characters (see test/conformance/dcc-deviations.md).
 */

const countCodePoints = (s: string): number => [...s].length;

const text = (max: number) =>
  z.string().refine((s) => countCodePoints(s) <= max, { error: `must be at most ${max} characters` });

/** ICAO 9303 part 3 transliteration: capital letters and `<` only. */
const standardisedName = text(80).regex(/^[A-Z<]*$/, { error: 'must hold only A-Z and <' });

const personName = z
  .looseObject({
    fn: text(80).optional(),
    fnt: standardisedName.optional(),
    gn: text(80).optional(),
    gnt: standardisedName.optional(),
  })
  .refine((n) => n.fnt !== undefined || n.gnt !== undefined, {
    error: 'needs a standardised surname (fnt) or forename (gnt)',
  });

const dosePosInt = z.number().int().min(1);
/** Country of vaccination / test; membership in country-2-codes is checked separately. */
const countryVt = z.string().regex(/[A-Z]{1,10}/, { error: 'must be a country code' });
const issuer = text(80);
const certificateId = text(80);
const codedValue = z.string();

const vaccinationEntry = z.looseObject({
  tg: codedValue,
  vp: codedValue,
  mp: codedValue,
  ma: codedValue,
  dn: dosePosInt,
  sd: dosePosInt,
  dt: z.string(),
  co: countryVt,
  is: issuer,
  ci: certificateId,
});

const testEntry = z.looseObject({
  tg: codedValue,
  tt: codedValue,
  nm: text(80).optional(),
  ma: codedValue.optional(),
  sc: z.string(),
  tr: codedValue,
  tc: text(80).optional(),
  co: countryVt,
  is: issuer,
  ci: certificateId,
});

const recoveryEntry = z.looseObject({
  tg: codedValue,
  fr: z.string(),
  co: countryVt,
  is: issuer,
  df: z.string(),
  du: z.string(),
  ci: certificateId,
});

/** One entry per group since schema 1.3.0 (minItems 1, maxItems 1). */
const group = <T extends z.ZodType>(entry: T) => z.array(entry).min(1).max(1);

export const hcertSchema = z
  .looseObject({
    ver: z.string().regex(/^\d+.\d+.\d+$/, { error: 'must be a semantic version' }),
    nam: personName,
    /** ISO 8601 date, possibly partial ("1979", "1979-04") or empty, years 1900–2099. */
    dob: z.string().regex(/^((19|20)\d\d(-\d\d){0,2}){0,1}$/, { error: 'must be YYYY, YYYY-MM, YYYY-MM-DD or empty' }),
    v: group(vaccinationEntry).optional(),
    t: group(testEntry).optional(),
    r: group(recoveryEntry).optional(),
  })
  .superRefine((hcert, ctx) => {
    // The schema's oneOf: exactly one of v, t, r.
    const groups = (['v', 't', 'r'] as const).filter((k) => Object.hasOwn(hcert, k));
    if (groups.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: groups.length === 0 ? 'holds none of v, t, r' : `holds ${groups.join(', ')}; exactly one of v, t, r is allowed`,
        path: [],
      });
    }
  });

export type Hcert = z.infer<typeof hcertSchema>;

export type SchemaErrorCode = 'schema_violation';
export type SchemaProblem = Problem<SchemaErrorCode>;

/** A coded field of the certificate with its value-set display (for the operator's screen). */
export interface CodedValue {
  /** JSON pointer-like path, e.g. `t/0/tt`. */
  readonly path: string;
  readonly valueSet: ValueSetId;
  readonly code: string;
  /** Whether the code is in the value set. */
  readonly known: boolean;
  /** English display; absent when the code is not in the value set. */
  readonly display?: string;
}

export interface ValidHcert {
  readonly hcert: Hcert;
  readonly codes: readonly CodedValue[];
}

const MAX_LISTED_ISSUES = 5;

/**
 * Schema 1.3 check. Value sets are looked up, not enforced: genuine, correctly signed
 * certificates carry codes outside them (typos such as "ORG-1000030215", national codes
 * such as "NEGATIVO"), and whether such a certificate is acceptable is a rule-profile
 * decision (NEEDS CROSS-CHECK), not a broken payload. `codes[].known` tells which.
 */
export function validateHcert(json: JsonValue): Result<ValidHcert, SchemaProblem> {
  const parsed = hcertSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const missing = i.code === 'invalid_type' && i.message.endsWith('received undefined');
      return `${i.path.length ? i.path.join('/') : '(root)'}: ${missing ? 'is required' : i.message}`;
    });
    const more = issues.length > MAX_LISTED_ISSUES ? `; and ${issues.length - MAX_LISTED_ISSUES} more` : '';
    return err({ code: 'schema_violation', message: issues.slice(0, MAX_LISTED_ISSUES).join('; ') + more });
  }
  return ok({ hcert: parsed.data, codes: codedValues(parsed.data) });
}

/** Every coded field of a schema-valid HCERT, looked up in the value sets we own. */
export function codedValues(hcert: Hcert): CodedValue[] {
  const out: CodedValue[] = [];
  const add = (path: string, valueSet: ValueSetId, code: string): void => {
    const display = lookupValueSet(valueSet, code);
    out.push(display === undefined ? { path, valueSet, code, known: false } : { path, valueSet, code, known: true, display });
  };
  hcert.v?.forEach((e, i) => {
    add(`v/${i}/tg`, 'disease-agent-targeted', e.tg);
    add(`v/${i}/vp`, 'vaccine-prophylaxis', e.vp);
    add(`v/${i}/mp`, 'vaccine-medicinal-product', e.mp);
    add(`v/${i}/ma`, 'vaccine-mah-manf', e.ma);
    add(`v/${i}/co`, 'country-2-codes', e.co);
  });
  hcert.t?.forEach((e, i) => {
    add(`t/${i}/tg`, 'disease-agent-targeted', e.tg);
    add(`t/${i}/tt`, 'test-type', e.tt);
    add(`t/${i}/tr`, 'test-result', e.tr);
    add(`t/${i}/co`, 'country-2-codes', e.co);
  });
  hcert.r?.forEach((e, i) => {
    add(`r/${i}/tg`, 'disease-agent-targeted', e.tg);
    add(`r/${i}/co`, 'country-2-codes', e.co);
  });
  return out;
}
