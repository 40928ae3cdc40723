import type { StationsAnswer } from '../../../shared/contract/hub-web';
import { useHubQuery } from '../api/use-hub-query';
import { useHubI18n } from '../i18n/hub-i18n';
import { ErrorLine, ExportButtons, When } from './common';

/** Every station: its last bundle, how far its log is covered, its last contact and open gaps. */
export function StationHealth() {
  const { t } = useHubI18n();
  const stations = useHubQuery<StationsAnswer>('stations');
  const list = stations.data?.stations ?? [];
  return (
    <section aria-labelledby="stations-title">
      <div className="hub-toolbar">
        <h2 id="stations-title">{t('stations.title')}</h2>
        <button type="button" className="hub-button" onClick={stations.reload}>
          {t('refresh')}
        </button>
        <ExportButtons table="stations" label={t('stations.title')} />
      </div>
      <ErrorLine error={stations.error} />
      {stations.data && list.length === 0 && <p>{t('stations.empty')}</p>}
      {list.length > 0 && (
        <table className="hub-table" data-testid="stations">
          <caption>{t('stations.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stations.station')}</th>
              <th scope="col">{t('stations.fingerprint')}</th>
              <th scope="col">{t('stations.corridor')}</th>
              <th scope="col">{t('stations.lastBundle')}</th>
              <th scope="col">{t('stations.coveredUntil')}</th>
              <th scope="col">{t('stations.lastContact')}</th>
              <th scope="col">{t('stations.bundles')}</th>
              <th scope="col">{t('stations.gaps')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.stationId} className={s.openGaps > 0 || s.revokedAtMs !== null ? 'hub-tone--overdue' : undefined}>
                <th scope="row">
                  {s.stationId}
                  {s.revokedAtMs !== null && <span className="hub-muted"> · {t('stations.revoked')}</span>}
                </th>
                <td>
                  <code title={s.fingerprint}>{s.fingerprint.slice(0, 16)}…</code>
                </td>
                <td>{s.corridorId ?? '—'}</td>
                <td>{s.lastBundleAtMs === null ? t('stations.never') : <When ms={s.lastBundleAtMs} />}</td>
                <td>
                  <When ms={s.coveredUntilMs} />
                </td>
                <td>{s.lastContactAtMs === null ? t('stations.never') : <When ms={s.lastContactAtMs} />}</td>
                <td>{s.bundles}</td>
                <td>{s.openGaps}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
