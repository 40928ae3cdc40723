import type { Problem, Result } from '../result';
import { decodeBase45 } from './base45';
import { bytesToBase64 } from './bytes';
import type { JsonValue } from './cbor-json';
import { certificateTypeOf, type CertificateType } from './certificate-type';
import { decodeCoseSign1, type CoseSign1 } from './cose';
import { decodeCwtClaims, type CwtClaims } from './cwt';
import { checkValidity } from './expiry';
import { validateHcert, type CodedValue, type Hcert } from './hcert-schema';
import { inflateZlib } from './inflate';
import { checkKeyUsage } from './key-usage';
import { stripHcertPrefix } from './prefix';
import { checkRevocation, type RevocationLookup } from './revocation';
import { findSigningCertificates, verifyCoseSignature } from './signature';
import type { TrustList, TrustListEntry } from './trust-list';
import { DCC_STEPS, type DccStep } from './dcc-steps';

export { DCC_STEPS, type DccStep } from './dcc-steps';

export interface DccStepResult {
  readonly ok: boolean;
  /** `"<code>: <message>"` when the step failed. */
  readonly error?: string;
}

export interface DccProblem extends Problem {
  readonly step: DccStep;
}

/** CWT claims as ISO 8601 strings, so the result stays JSON (CLI output, IPC). */
export interface DccClaims {
  readonly issuer?: string;
  readonly issuedAt?: string;
  readonly expiresAt?: string;
}

export interface DccSigner {
  readonly country: string;
  /** Base64 kid of the DSC that verified the signature. */
  readonly kid: string;
}

export interface DccVerification {
  /** True when every step ran and passed. */
  readonly valid: boolean;
  /** One entry per failed step, in pipeline order. */
  readonly problems: readonly DccProblem[];
  /** A step that could not be reached is absent. */
  readonly steps: Partial<Record<DccStep, DccStepResult>>;
  /** The decoded HCERT JSON (claim -260/1), once the CWT decoded, valid or not. */
  readonly payload?: { readonly [key: string]: JsonValue };
  readonly claims?: DccClaims;
  /** Base64 kid from the COSE header (protected, else unprotected). */
  readonly kid?: string;
  /** Set only when the signature verified. */
  readonly signer?: DccSigner;
  readonly certificateType?: CertificateType;
  /**
   * Coded fields (disease, vaccine, manufacturer, test type, result, country) with their
   * value-set displays; present when the schema step passed. A code outside its value set
   * has `known: false` and fails no step: the rule profile decides what it means.
   */
  readonly codes?: readonly CodedValue[];
}

/** The payload typed by the schema, when the schema step passed. */
export function schemaValidPayload(result: DccVerification): Hcert | undefined {
  return result.steps.schema?.ok === true ? (result.payload as Hcert | undefined) : undefined;
}

export interface VerifyDccOptions {
  readonly trustList: TrustList;
  /** Decision time: every validity check is made at this instant, never at the wall clock. */
  readonly at: Date;
  /** The station's revocation entries; without them nothing is known to be revoked and the step passes. */
  readonly revocation?: RevocationLookup;
}

/** Verifies an `HC1:` QR payload. Never throws: every failure is a step result. */
export async function verifyDcc(payload: string, options: VerifyDccOptions): Promise<DccVerification> {
  const run = new Run();
  try {
    await pipeline(run, payload, options);
  } catch (e) {
    // Defensive: a library throwing where it documents a return value must not crash the lane.
    run.fail(run.current, { code: 'internal', message: e instanceof Error ? e.message : String(e) });
  }
  return run.result();
}

async function pipeline(run: Run, payload: string, { trustList, at, revocation }: VerifyDccOptions): Promise<void> {
  if (typeof payload !== 'string') {
    run.fail('prefix', { code: 'not_text', message: 'payload is not text' });
    return;
  }
  const base45 = run.step('prefix', stripHcertPrefix(payload));
  if (base45 === undefined) return;
  const compressed = run.step('base45', decodeBase45(base45));
  if (compressed === undefined) return;
  const coseBytes = run.step('inflate', inflateZlib(compressed));
  if (coseBytes === undefined) return;
  const cose: CoseSign1 | undefined = run.step('cose', decodeCoseSign1(coseBytes));
  if (cose === undefined) return;
  if (cose.kid) run.out.kid = bytesToBase64(cose.kid);
  const cwt: CwtClaims | undefined = run.step('cbor', decodeCwtClaims(cose.payload));
  if (cwt === undefined) return;

  const hcert = cwt.hcert as { readonly [key: string]: JsonValue };
  run.out.payload = hcert;
  run.out.claims = claimsOf(cwt);
  const type = certificateTypeOf(hcert);
  if (type) run.out.certificateType = type;

  // The remaining checks are independent of each other; run them all so the operator
  // sees every reason at once.
  const valid = run.step('schema', validateHcert(hcert));
  if (valid) run.out.codes = valid.codes;
  // Revocation needs no verified signer: a revoked certificate is named even when its signer is unknown.
  run.step('revocation', await checkRevocation(cose, cwt, revocation));

  const candidates = run.step('signature', findSigningCertificates(cose, trustList));
  if (candidates === undefined) return;
  const signer = run.step('signature', await verifyCoseSignature(cose, candidates));
  if (signer) run.out.signer = { country: signer.country, kid: signer.kid };
  // Key usage and validity belong to the DSC the kid names, even when its signature failed:
  // the operator then sees all that is wrong, and `valid` is false anyway.
  const dsc: TrustListEntry | undefined = signer ?? candidates[0];
  if (!dsc) return;
  run.step('keyUsage', checkKeyUsage(dsc.keyUsage, type));
  run.step('expiry', checkValidity(cwt, dsc, at));
}

function claimsOf(cwt: CwtClaims): DccClaims {
  const claims: { issuer?: string; issuedAt?: string; expiresAt?: string } = {};
  if (cwt.issuer !== undefined) claims.issuer = cwt.issuer;
  if (cwt.issuedAt !== undefined) claims.issuedAt = new Date(cwt.issuedAt * 1000).toISOString();
  if (cwt.expiresAt !== undefined) claims.expiresAt = new Date(cwt.expiresAt * 1000).toISOString();
  return claims;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Collects step results; a step is recorded once (a failure overrides a pass). */
class Run {
  readonly steps: Partial<Record<DccStep, DccStepResult>> = {};
  readonly problems: DccProblem[] = [];
  readonly out: Mutable<Omit<DccVerification, 'valid' | 'problems' | 'steps'>> = {};
  current: DccStep = 'prefix';

  step<T>(step: DccStep, result: Result<T, Problem>): T | undefined {
    this.current = step;
    if (result.ok) {
      this.steps[step] ??= { ok: true };
      return result.value;
    }
    this.fail(step, result.error);
    return undefined;
  }

  fail(step: DccStep, problem: Problem): void {
    this.steps[step] = { ok: false, error: `${problem.code}: ${problem.message}` };
    this.problems.push({ step, code: problem.code, message: problem.message });
  }

  result(): DccVerification {
    const valid = DCC_STEPS.every((s) => this.steps[s]?.ok === true);
    const order = (p: DccProblem): number => DCC_STEPS.indexOf(p.step);
    // Steps in pipeline order whatever order they ran in (revocation runs before the signature, listed after expiry).
    const steps: Partial<Record<DccStep, DccStepResult>> = {};
    for (const s of DCC_STEPS) if (this.steps[s]) steps[s] = this.steps[s];
    return { valid, problems: [...this.problems].sort((a, b) => order(a) - order(b)), steps, ...this.out };
  }
}
