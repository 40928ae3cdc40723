import { useTranslation } from 'react-i18next';
import type { Status } from '../../../shared/contract';

const MINUTE_MS = 60_000;

/** The link to the central hub: when it last answered and how many of its packages this station applied. */
export function HubStatusItem({ status }: { status: Status | null }) {
  const { t } = useTranslation('status');
  const hub = status?.hub;
  if (!status || !hub || (!hub.configured && hub.packagesApplied === 0)) return null;
  const minutes = hub.lastContactAt ? Math.max(0, Math.floor((Date.parse(status.now) - Date.parse(hub.lastContactAt)) / MINUTE_MS)) : null;
  const age = minutes === null ? null : minutes < 60 ? t('durationM', { minutes }) : t('durationHm', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return (
    <span data-testid="status-hub" title={hub.lastContactAt ?? undefined}>
      {age === null ? t('hubNoContact') : t('hubContact', { age })}
      {hub.packagesApplied > 0 && ` · ${t('packagesApplied', { total: hub.packagesApplied })}`}
    </span>
  );
}
