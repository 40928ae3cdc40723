import { z } from 'zod';
import { err, ok, type Problem, type Result } from '../result';
import { base64ToBytes } from './bytes';
import type { CertificateType } from './certificate-type';
import { parseDscCertificate, type DscKeyAlgorithm } from './dsc-certificate';

export type TrustListErrorCode = 'not_json' | 'bad_shape' | 'bad_certificate' | 'kid_mismatch' | 'empty';
export type TrustListProblem = Problem<TrustListErrorCode>;

/** A document signer certificate (DSC) the station trusts. */
export interface TrustListEntry {
  /** Base64 of the first 8 bytes of SHA-256 over the DER certificate; the COSE kid. */
  readonly kid: string;
  /** ISO 3166-1 alpha-2 of the issuing state. */
  readonly country: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** DCC types this DSC may sign; empty = all. */
  readonly keyUsage: readonly CertificateType[];
  /** An imported WebCrypto key (ECDSA P-256 or RSA-PSS), or SPKI bytes imported on first use. */
  readonly publicKey: CryptoKey | { readonly spki: Uint8Array; readonly algorithm: DscKeyAlgorithm | undefined };
}

/** In-memory trust list, indexed by kid. Build it with `buildTrustList`. */
export interface TrustList {
  readonly entries: readonly TrustListEntry[];
  /** kid → entries; 8-byte kids can collide, so a kid can name more than one DSC. */
  readonly byKid: ReadonlyMap<string, readonly TrustListEntry[]>;
}

export function buildTrustList(entries: readonly TrustListEntry[]): TrustList {
  const byKid = new Map<string, TrustListEntry[]>();
  for (const entry of entries) {
    const list = byKid.get(entry.kid);
    if (list) list.push(entry);
    else byKid.set(entry.kid, [entry]);
  }
  return { entries: [...entries], byKid };
}

/**
 * The EU gateway's trust-list JSON (`GET /trustList/DSC`): `[{ kid, country, certificateType,
 * rawData }]`, rawData = base64 DER. Entries of another certificateType (CSCA, UPLOAD,
 * AUTHENTICATION) are not signing certificates and are skipped. Any bad entry fails the
 * whole file, so a caller never half-replaces its list.
 */
export async function parseGatewayTrustList(json: unknown): Promise<Result<TrustList, TrustListProblem>> {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json) as unknown;
    } catch (e) {
      return err({ code: 'not_json', message: `trust list is not JSON: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  const parsed = gatewayTrustList.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `entry ${issue.path.join('/')}` : 'trust list';
    return err({ code: 'bad_shape', message: `${where}: ${issue?.message ?? 'invalid'} (expected [{ kid, country, certificateType, rawData }])` });
  }
  const entries: TrustListEntry[] = [];
  for (const [index, item] of parsed.data.entries()) {
    if (item.certificateType !== undefined && item.certificateType.toUpperCase() !== 'DSC') continue;
    const der = base64ToBytes(item.rawData);
    if (!der || der.length === 0) {
      return err({ code: 'bad_certificate', message: `entry ${index} (kid ${item.kid}): rawData is not base64` });
    }
    const dsc = await parseDscCertificate(der, { country: item.country });
    if (!dsc.ok) {
      return err({ code: 'bad_certificate', message: `entry ${index} (kid ${item.kid}): ${dsc.error.message}` });
    }
    if (dsc.value.kid !== item.kid) {
      return err({
        code: 'kid_mismatch',
        message: `entry ${index}: kid ${item.kid} is not the SHA-256 prefix of its certificate (${dsc.value.kid})`,
      });
    }
    entries.push(dsc.value);
  }
  if (entries.length === 0) return err({ code: 'empty', message: 'trust list holds no DSC certificates' });
  return ok(buildTrustList(entries));
}

const gatewayTrustList = z.array(
  z.looseObject({
    kid: z.string().min(1),
    country: z.string().regex(/^[A-Za-z]{2}$/, { error: 'country must be a 2-letter code' }),
    certificateType: z.string().optional(),
    rawData: z.string().min(1),
  }),
);
