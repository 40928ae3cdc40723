import { useEffect, useState } from 'react';
import type { Status } from '../../shared/contract';
import { useTranslation } from 'react-i18next';
import { useCore } from '../core-client/core-context';
import { useFormat } from '../i18n';
import { TrustListBadge } from '../features/evidence';
import { ScannerLights } from '../features/scanners';

export function StatusBar() {
  const core = useCore();
  const { t } = useTranslation(['status', 'common']);
  const format = useFormat();
  const [status, setStatus] = useState<Status | null>(null);
  const [offline, setOffline] = useState(false);
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      const result = await core.getStatus({});
      if (!alive) return;
      setOffline(!result.ok);
      if (result.ok) setStatus(result.value);
    };
    void refresh();
    // Test-area notifications come with every scanner frame and change nothing shown here.
    const unsubscribe = core.onEvent((event) => {
      if (event.type !== 'scanner-feed') void refresh();
    });
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => {
      alive = false;
      unsubscribe();
      clearInterval(timer);
    };
  }, [core]);

  return (
    <header className="status-bar">
      <span className="status-bar__title">{t('common:appName')}</span>
      <span data-testid="station-id">{t('station', { id: status?.stationId ?? '…' })}</span>
      <span>{status ? t('crossingsRecorded', { total: status.database.crossingsTotal }) : ''}</span>
      {status && <TrustListBadge trustList={status.trustList} />}
      <ScannerLights />
      {offline && (
        <span className="status-bar__warning" role="status">
          {t('coreUnreachable')}
        </span>
      )}
      <time className="status-bar__clock" dateTime={now.toISOString()}>
        {format.timeWithSeconds(now)}
      </time>
    </header>
  );
}
