import { err, ok, type Result } from '../../domain/result';

export const LAB_KEYS_FORMAT = 'checkpoint-lab-keys';

/** A lab and its public key as an administrator registers it, or a hub package carries it. */
export interface LabKeyEntry {
  readonly labId: string;
  readonly name: string;
  readonly country: string;
  /** PEM (SPKI) of an Ed25519 or ECDSA P-256 key. */
  readonly publicKey: string;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Checks a lab's registration fields; the key itself is checked by readLabPublicKey. */
export function checkLabEntry(entry: { labId: unknown; name: unknown; country: unknown; publicKey: unknown }): Result<LabKeyEntry, string> {
  const { labId, name, country, publicKey } = entry;
  if (typeof labId !== 'string' || !SLUG.test(labId)) return err('the lab id must be a short slug (a-z, 0-9, -), e.g. kz-olymp');
  if (typeof name !== 'string' || name.trim().length < 2 || name.length > 120) return err('the lab needs a name (2 to 120 characters)');
  if (typeof country !== 'string' || !/^[A-Z]{2}$/.test(country)) return err('the country must be two capital letters (ISO 3166), e.g. KZ');
  if (typeof publicKey !== 'string' || publicKey.length > 8192) return err('the public key must be PEM text');
  return ok({ labId, name: name.trim(), country, publicKey });
}

/** `{"format": "checkpoint-lab-keys", "version": 1, "labs": [{labId, name, country, publicKey}]}`, as the hub publishes it. */
export function parseLabKeysFile(text: string): Result<LabKeyEntry[], string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err('the file is not JSON');
  }
  const file = json as { format?: unknown; version?: unknown; labs?: unknown };
  if (typeof json !== 'object' || json === null || file.format !== LAB_KEYS_FORMAT || file.version !== 1 || !Array.isArray(file.labs)) {
    return err(`the file is not a lab keys file ({"format": "${LAB_KEYS_FORMAT}", "version": 1, "labs": [...]})`);
  }
  const labs: LabKeyEntry[] = [];
  for (const [index, item] of (file.labs as unknown[]).entries()) {
    const checked = checkLabEntry((typeof item === 'object' && item !== null ? item : {}) as Parameters<typeof checkLabEntry>[0]);
    if (!checked.ok) return err(`lab ${index + 1}: ${checked.error}`);
    labs.push(checked.value);
  }
  return ok(labs);
}
