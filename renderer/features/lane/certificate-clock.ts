import { useSyncExternalStore } from 'react';
import type { ScanResult } from '../../../shared/contract';
import { dccItems } from '../evidence';

/**
 * The issue time (DCC `iat`) of the last signature-verified certificate the lane showed, for the status
 * bar's clock check: a genuine certificate issued "in the future" means the station clock is probably
 * behind. Only the signature has to hold — the expiry step itself refuses an `iat` after "now".
 */
let lastIssuedAt: string | undefined;
const listeners = new Set<() => void>();

export function noteCertificates(scan: ScanResult): void {
  const issued = dccItems(scan.evidence ?? [])
    .filter((item) => item.steps.signature?.ok === true && item.claims?.issuedAt !== undefined)
    .map((item) => item.claims?.issuedAt as string)
    .sort()
    .at(-1);
  if (issued === undefined || issued === lastIssuedAt) return;
  lastIssuedAt = issued;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useLastCertificateIssuedAt(): string | undefined {
  return useSyncExternalStore(subscribe, () => lastIssuedAt);
}
