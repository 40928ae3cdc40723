import { err, ok, type Problem, type Result } from '../result';
import { cborToJson, decodeCbor, type JsonValue } from './cbor-json';

export type CwtErrorCode = 'not_cbor' | 'not_a_map' | 'bad_claim' | 'missing_hcert';
export type CwtProblem = Problem<CwtErrorCode>;

/** RFC 8392 §3.1 claim keys, and the HCERT claim (-260, key 1 = EU DCC) of the hcert spec §3.3.1/§3.3.7. */
const CLAIM_ISS = 1;
const CLAIM_EXP = 4;
const CLAIM_IAT = 6;
const CLAIM_HCERT = -260;
const HCERT_EU_DCC = 1;

export interface CwtClaims {
  /** ISO 3166-1 alpha-2 code of the issuing country (hcert spec §3.3.4; optional). */
  readonly issuer: string | undefined;
  /** NumericDate (RFC 8392 §2): seconds since the epoch, integer or float. */
  readonly issuedAt: number | undefined;
  readonly expiresAt: number | undefined;
  /** The EU DCC JSON (claim -260, key 1), not yet checked against the schema. */
  readonly hcert: JsonValue;
}

export function decodeCwtClaims(payload: Uint8Array): Result<CwtClaims, CwtProblem> {
  let item: unknown;
  try {
    item = decodeCbor(payload);
  } catch (e) {
    return err({ code: 'not_cbor', message: `CWT payload is not valid CBOR: ${e instanceof Error ? e.message : String(e)}` });
  }
  if (!(item instanceof Map)) return err({ code: 'not_a_map', message: 'CWT payload must be a CBOR map of claims (RFC 8392 §7)' });

  const iss: unknown = item.get(CLAIM_ISS);
  if (iss !== undefined && typeof iss !== 'string') {
    return err({ code: 'bad_claim', message: 'claim iss (1) must be a text string' });
  }
  const iat = numericDate(item.get(CLAIM_IAT));
  if (iat === 'invalid') return err({ code: 'bad_claim', message: 'claim iat (6) must be a NumericDate (seconds since 1970)' });
  const exp = numericDate(item.get(CLAIM_EXP));
  if (exp === 'invalid') return err({ code: 'bad_claim', message: 'claim exp (4) must be a NumericDate (seconds since 1970)' });

  const hcertClaim: unknown = item.get(CLAIM_HCERT);
  if (!(hcertClaim instanceof Map)) {
    return err({ code: 'missing_hcert', message: 'CWT has no HCERT claim (-260) map' });
  }
  const dcc: unknown = hcertClaim.get(HCERT_EU_DCC);
  if (dcc === undefined) return err({ code: 'missing_hcert', message: 'HCERT claim (-260) has no EU DCC (key 1)' });
  const hcert = cborToJson(dcc);
  if (hcert === null || typeof hcert !== 'object' || Array.isArray(hcert)) {
    return err({ code: 'missing_hcert', message: 'EU DCC (claim -260, key 1) must be a map' });
  }
  return ok({ issuer: iss, issuedAt: iat, expiresAt: exp, hcert });
}

/** Largest |seconds| a JS Date can hold (ECMA-262 §21.4.1.1: ±8.64e15 ms). */
const MAX_SECONDS = 8.64e12;

/**
 * RFC 8392 §2 NumericDate: integer or floating point seconds. The hcert spec (§3.3.5, §3.3.6)
 * asks for integers, but issued DCCs carry floats too.
 * A tag-1 epoch date (decoded by cbor-x as Date) is accepted as the same thing.
 */
function numericDate(value: unknown): number | undefined | 'invalid' {
  if (value === undefined) return undefined;
  let seconds: number;
  if (typeof value === 'number') seconds = value;
  else if (typeof value === 'bigint') seconds = Number(value);
  else if (value instanceof Date) seconds = value.getTime() / 1000;
  else return 'invalid';
  return Number.isFinite(seconds) && Math.abs(seconds) <= MAX_SECONDS ? seconds : 'invalid';
}
