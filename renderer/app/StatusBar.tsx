import { useEffect, useState } from 'react';
import type { Status } from '../../shared/contract';
import { useTranslation } from 'react-i18next';
import { useCoalescedRefresh } from '../core-client/coalesced-refresh';
import { useCore } from '../core-client/core-context';
import { TrustListBadge } from '../features/evidence';
import { LanguageSwitch } from '../i18n';
import { ScannerLights } from '../features/scanners';
import { DisplaySettingsButton } from '../features/settings';
import { HubStatusItem } from './status/HubStatusItem';
import { HeldCount } from './status/HeldCount';
import { LaneStatusItems } from './status/LaneStatusItems';
import { StationClock } from './status/StationClock';

export function StatusBar() {
  const core = useCore();
  const { t } = useTranslation(['status', 'common']);
  const [status, setStatus] = useState<Status | null>(null);
  const [offline, setOffline] = useState(false);

  const refresh = useCoalescedRefresh(async () => {
    const result = await core.getStatus({});
    setOffline(!result.ok);
    if (result.ok) setStatus(result.value);
  });
  useEffect(() => {
    refresh();
    // Test-area notifications come with every scanner frame and change nothing shown here; the events of one crossing
    // (or of an export's progress) come in bursts and make one refresh.
    return core.onEvent((event) => {
      if (event.type !== 'scanner-feed') refresh();
    });
  }, [core, refresh]);

  return (
    <header className="status-bar">
      <span className="status-bar__title">{t('common:appName')}</span>
      <span data-testid="station-id">{t('station', { id: status?.stationId ?? '…' })}</span>
      <span>{status ? t('crossingsRecorded', { total: status.database.crossingsTotal }) : ''}</span>
      <LaneStatusItems status={status} />
      <HubStatusItem status={status} />
      <HeldCount />
      {status && <TrustListBadge trustList={status.trustList} />}
      <ScannerLights />
      {offline && (
        <span className="status-bar__warning" role="status">
          {t('coreUnreachable')}
        </span>
      )}
      <LanguageSwitch />
      <StationClock />
      <DisplaySettingsButton />
    </header>
  );
}
