import { useTranslation } from 'react-i18next';
import type { TrustListStatus } from '../../../shared/contract';

/** The DCC trust list's age on the status bar; a warning when it is missing or older than the configured days. */
export function TrustListBadge({ trustList }: { trustList: TrustListStatus }) {
  const { t } = useTranslation('status');
  if (trustList.importedAt === null || trustList.entries === 0) {
    return (
      <span className="status-bar__warning" data-testid="trust-list-status" role="status">
        {t('trustListMissing')}
      </span>
    );
  }
  const age = trustList.ageDays === 0 ? t('importedToday') : t('importedDaysAgo', { count: trustList.ageDays });
  const text = t('trustListSummary', { signers: trustList.entries, age });
  return trustList.stale ? (
    <span
      className="status-bar__warning"
      data-testid="trust-list-status"
      role="status"
      title={t('staleHint', { days: trustList.staleAfterDays, source: trustList.source ?? '' })}
    >
      {t('outOfDate', { summary: text })}
    </span>
  ) : (
    <span data-testid="trust-list-status" title={trustList.source ?? undefined}>
      {text}
    </span>
  );
}
