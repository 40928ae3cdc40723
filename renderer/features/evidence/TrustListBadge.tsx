import type { TrustListStatus } from '../../../shared/contract';

/** The DCC trust list's age on the status bar; a warning when it is missing or older than the configured days. */
export function TrustListBadge({ trustList }: { trustList: TrustListStatus }) {
  if (trustList.importedAt === null || trustList.entries === 0) {
    return (
      <span className="status-bar__warning" data-testid="trust-list-status" role="status">
        No COVID certificate trust list: certificates cannot be verified
      </span>
    );
  }
  const age = trustList.ageDays === 0 ? 'today' : `${trustList.ageDays} day${trustList.ageDays === 1 ? '' : 's'} ago`;
  const text = `Trust list: ${trustList.entries} signers, imported ${age}`;
  return trustList.stale ? (
    <span className="status-bar__warning" data-testid="trust-list-status" role="status" title={`Older than ${trustList.staleAfterDays} days: import a fresh list (${trustList.source ?? ''}).`}>
      {text} — out of date
    </span>
  ) : (
    <span data-testid="trust-list-status" title={trustList.source ?? undefined}>
      {text}
    </span>
  );
}
