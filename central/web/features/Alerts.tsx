import { useState } from 'react';
import type { AlertsAnswer, AlertView } from '../../../shared/contract/hub-web';
import { HubCallError, hubPost } from '../api/hub-client';
import { useHubQuery } from '../api/use-hub-query';
import { useHubI18n, type Translate } from '../i18n/hub-i18n';
import { ErrorLine, ExportButtons, When } from './common';

export function alertText(t: Translate, alert: AlertView): string {
  const p = alert.params;
  const common = { groupId: alert.groupId ?? '', checkpointId: alert.checkpointId ?? String(p.checkpointId ?? ''), stationId: alert.stationId ?? String(p.stationId ?? ''), count: p.count ?? '' };
  switch (alert.code) {
    case 'journey.overdue':
      return t('alert.journey.overdue', common);
    case 'journey.missing':
      return t('alert.journey.missing', common);
    case 'journey.exit-without-entry':
      return t('alert.journey.exit-without-entry', common);
    case 'station.silent':
      return t('alert.station.silent', { ...common, hours: Math.floor(Number(p.minutes ?? 0) / 60) });
    case 'station.continuity-gap':
      return t('alert.station.continuity-gap', common);
  }
}

function AlertRow({ alert, canAcknowledge, onDone }: { alert: AlertView; canAcknowledge: boolean; onDone: (message: 'alerts.done' | 'alerts.already') => void }) {
  const { t } = useHubI18n();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<HubCallError | null>(null);
  const acknowledge = () => {
    hubPost<AlertView>(`alerts/${alert.id}/acknowledge`, { note: note.trim() === '' ? null : note.trim() }).then(
      () => onDone('alerts.done'),
      (error: unknown) => {
        if (error instanceof HubCallError && error.code === 'alert.already-acknowledged') onDone('alerts.already');
        else setProblem(error instanceof HubCallError ? error : new HubCallError('generic', 0));
      },
    );
  };
  return (
    <tr className={`hub-severity--${alert.severity}`} data-testid={`alert-${alert.code}`}>
      <th scope="row">
        {alertText(t, alert)} <span className="hub-muted">({t(`severity.${alert.severity}`)})</span>
      </th>
      <td>{[alert.corridorId, alert.checkpointId, alert.stationId].filter(Boolean).join(' · ')}</td>
      <td>
        <When ms={alert.sinceMs} />
      </td>
      <td>
        {alert.acknowledged ? (
          <span>
            {t('alerts.acknowledged', { by: alert.acknowledged.by, at: new Date(alert.acknowledged.atMs).toISOString().slice(0, 16).replace('T', ' ') })}
            {alert.acknowledged.note && <q>{alert.acknowledged.note}</q>}
          </span>
        ) : (
          canAcknowledge && (
            <span className="hub-acknowledge">
              <input aria-label={t('alerts.note', { id: alert.id })} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} data-testid="alert-note" />
              <button type="button" className="hub-button hub-button--primary" onClick={acknowledge} data-testid="alert-acknowledge">
                {t('alerts.acknowledge')}
              </button>
              <ErrorLine error={problem} />
            </span>
          )
        )}
      </td>
    </tr>
  );
}

/** Open central alerts, most severe and oldest first; a coordinator acknowledges one with a note. */
export function Alerts({ canAcknowledge }: { canAcknowledge: boolean }) {
  const { t } = useHubI18n();
  const alerts = useHubQuery<AlertsAnswer>('alerts');
  const [message, setMessage] = useState<'alerts.done' | 'alerts.already' | null>(null);
  const list = alerts.data?.alerts ?? [];
  return (
    <section aria-labelledby="alerts-title">
      <div className="hub-toolbar">
        <h2 id="alerts-title">{t('alerts.title')}</h2>
        <button type="button" className="hub-button" onClick={alerts.reload}>
          {t('refresh')}
        </button>
        <ExportButtons table="alerts" label={t('alerts.title')} />
      </div>
      <ErrorLine error={alerts.error} />
      <p role="status" className="hub-status" data-testid="alerts-status">
        {message ? t(message) : ''}
      </p>
      {alerts.data && list.length === 0 && <p>{t('alerts.empty')}</p>}
      {list.length > 0 && (
        <table className="hub-table" data-testid="alerts">
          <caption>{t('alerts.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('alerts.what')}</th>
              <th scope="col">{t('alerts.where')}</th>
              <th scope="col">{t('alerts.since')}</th>
              <th scope="col">{t('alerts.acknowledge')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <AlertRow
                key={a.id}
                alert={a}
                canAcknowledge={canAcknowledge}
                onDone={(m) => {
                  setMessage(m);
                  alerts.reload();
                }}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
