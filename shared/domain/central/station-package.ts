import { canonicalJson } from '../canonical-json';
import { publicKeyFingerprint, sha256Hex, webCryptoEd25519, type SignatureVerifier } from '../export';

export const PACKAGE_FORMAT = 'checkpoint-central/station-package';

/** What a package carries: each is a file a station can already import from a USB stick. */
export const PACKAGE_KINDS = ['trust-list', 'rule-profile', 'station-keys', 'bus-manifest', 'group-file', 'corridor', 'revocation-list'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

/**
 * One signed package from the hub to stations: the file (as text) with where it goes. `seq` is the hub's
 * cursor: a station asks for everything after the last one it applied.
 */
export interface StationPackage {
  readonly format: typeof PACKAGE_FORMAT;
  readonly version: 1;
  readonly seq: number;
  readonly kind: PackageKind;
  /** Addressed to one station, or (stationId null) to every station of a corridor, or (both null) to all. */
  readonly stationId: string | null;
  readonly corridorId: string | null;
  /** The file's name as published (shown to the station's operator). */
  readonly name: string;
  readonly content: string;
  readonly contentSha256: string;
  readonly issuedAt: string;
  readonly hubFingerprint: string;
}

export interface SignedPackage {
  readonly package: StationPackage;
  readonly signature: string;
}

export const packageBytes = (value: StationPackage): Uint8Array => new TextEncoder().encode(canonicalJson(value));

export type PackageCheck = { readonly ok: true; readonly package: StationPackage } | { readonly ok: false; readonly reason: PackageProblem; readonly message: string };
export type PackageProblem = 'package-malformed' | 'package-wrong-hub' | 'package-signature-invalid' | 'package-content-mismatch' | 'package-not-for-this-station';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isTextOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';

function packageShape(value: unknown): StationPackage | null {
  if (!isObject(value)) return null;
  const ok =
    value.format === PACKAGE_FORMAT &&
    value.version === 1 &&
    typeof value.seq === 'number' &&
    Number.isInteger(value.seq) &&
    value.seq > 0 &&
    (PACKAGE_KINDS as readonly unknown[]).includes(value.kind) &&
    isTextOrNull(value.stationId) &&
    isTextOrNull(value.corridorId) &&
    typeof value.name === 'string' &&
    typeof value.content === 'string' &&
    typeof value.contentSha256 === 'string' &&
    typeof value.issuedAt === 'string' &&
    typeof value.hubFingerprint === 'string';
  return ok ? (value as unknown as StationPackage) : null;
}

/**
 * Checks a package on the station before anything of it is applied: signed by the configured hub key, its
 * content whole, and addressed to this station (by id, by its corridor, or to all).
 */
export async function verifyStationPackage(
  signed: unknown,
  expected: { readonly hubPublicKey: string; readonly stationId: string; readonly corridorIds: readonly string[] },
  verifier: SignatureVerifier = webCryptoEd25519,
): Promise<PackageCheck> {
  const value = isObject(signed) ? packageShape(signed.package) : null;
  const signature = isObject(signed) ? signed.signature : undefined;
  if (!value || typeof signature !== 'string') return { ok: false, reason: 'package-malformed', message: 'the hub sent something that is not a station package' };
  const hubKey = expected.hubPublicKey.replace(/\s+/g, '');
  if ((await publicKeyFingerprint(hubKey)) !== value.hubFingerprint) {
    return { ok: false, reason: 'package-wrong-hub', message: `package ${value.seq} is signed by another hub key than the configured one` };
  }
  if (!(await verifier.verify(hubKey, packageBytes(value), signature))) {
    return { ok: false, reason: 'package-signature-invalid', message: `package ${value.seq}: the signature does not match the configured hub key` };
  }
  if ((await sha256Hex(new TextEncoder().encode(value.content))) !== value.contentSha256) {
    return { ok: false, reason: 'package-content-mismatch', message: `package ${value.seq}: the content does not match its hash` };
  }
  const forUs = value.stationId === null ? value.corridorId === null || expected.corridorIds.includes(value.corridorId) : value.stationId === expected.stationId;
  if (!forUs) return { ok: false, reason: 'package-not-for-this-station', message: `package ${value.seq} is addressed to another station or corridor` };
  return { ok: true, package: value };
}
