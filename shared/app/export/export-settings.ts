import { isValidTimeZone } from '../../domain/export';
import type { ExportsRepo } from '../../node/db';

export const TIME_ZONE_KEY = 'export.timeZone';
export const CENTRAL_URL_KEY = 'central.url';
/** The station credential for the central system: read only by the outbox, never returned by any method. */
export const CENTRAL_CREDENTIAL_KEY = 'central.credential';
/** The hub's Ed25519 public key (base64 SPKI): its receipts are checked with it before a bundle counts as acknowledged. */
export const CENTRAL_HUB_KEY = 'central.hubPublicKey';

/** The station's time zone for exports: the setting, else the zone of the computer it runs on. */
export function stationTimeZone(repo: Pick<ExportsRepo, 'setting'>): string {
  const stored = repo.setting(TIME_ZONE_KEY);
  if (stored && isValidTimeZone(stored)) return stored;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export interface CentralEndpoint {
  readonly url: string;
  readonly credential: string;
  /** null until configured: answers are then received but never count as acknowledged. */
  readonly hubPublicKey: string | null;
}

export function centralEndpoint(repo: Pick<ExportsRepo, 'setting'>): CentralEndpoint | null {
  const url = repo.setting(CENTRAL_URL_KEY);
  const credential = repo.setting(CENTRAL_CREDENTIAL_KEY);
  return url && credential ? { url, credential, hubPublicKey: repo.setting(CENTRAL_HUB_KEY) ?? null } : null;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The central URL must be HTTPS: the credential and people's data travel in the request. Plain HTTP is
 * accepted only on this computer (loopback), for a local relay or a test server.
 */
export function centralUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'This is not a web address (it should look like https://central.example.org/bundles).';
  }
  if (url.username || url.password) return 'Put the station credential in its own field, not in the address.';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  return 'The central address must start with https:// (plain http only for this computer, 127.0.0.1).';
}
