import { useEffect, useId, useState } from 'react';
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
import { LaneStatusItems, StationStatusItems } from './status/LaneStatusItems';
import { StationClock } from './status/StationClock';
import './status/status-bar.css';

/** A missing or out-of-date trust list is a warning in the row; an up-to-date one is a detail. */
const trustListWarns = (status: Status) => status.trustList.importedAt === null || status.trustList.entries === 0 || status.trustList.stale;

/**
 * One row at 1366×768 in every language, so the lane keeps its room: what bears on the traveller in front
 * (corridor, rules, what is unsent, scanners, warnings) stays in the row, each fact cut short
 * with its full text on hover; who and where (station, checkpoint, operator, hub, totals, a trust list in date) open under the
 * Details button, and on hovering or focusing it.
 */
export function StatusBar() {
  const core = useCore();
  const { t } = useTranslation(['status', 'common']);
  const [status, setStatus] = useState<Status | null>(null);
  const [offline, setOffline] = useState(false);
  const [open, setOpen] = useState(false);
  const detailsId = useId();

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
      <div className="status-bar__facts">
        <LaneStatusItems status={status} />
        <HeldCount />
        {status && trustListWarns(status) && <TrustListBadge trustList={status.trustList} />}
        <ScannerLights />
        {offline && (
          <span className="status-bar__warning" role="status">
            {t('coreUnreachable')}
          </span>
        )}
      </div>
      <LanguageSwitch />
      <StationClock />
      <span className={`status-bar__more ${open ? 'status-bar__more--open' : ''}`}>
        <button type="button" className="status-bar__settings" data-testid="status-details-button" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((o) => !o)}>
          {t('details')}
        </button>
        <span className="status-bar__details" id={detailsId} data-testid="status-details">
          <span className="status-bar__title">{t('common:appName')}</span>
          <span data-testid="station-id">{t('station', { id: status?.stationId ?? '…' })}</span>
          <span>{status ? t('crossingsRecorded', { total: status.database.crossingsTotal }) : ''}</span>
          <StationStatusItems />
          <HubStatusItem status={status} />
          {status && !trustListWarns(status) && <TrustListBadge trustList={status.trustList} />}
        </span>
      </span>
      <DisplaySettingsButton />
    </header>
  );
}
