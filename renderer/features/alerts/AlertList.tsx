import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { Alert } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import { useAlertText, useFormat, useErrorText } from '../../i18n';

/** Open alerts with acknowledge + note; the core decides who may acknowledge. */
export function AlertList({ alerts, total, canAcknowledge }: { alerts: Alert[]; total: number; canAcknowledge: boolean }) {
  const core = useCore();
  const { t } = useTranslation('alerts');
  const alertText = useAlertText();
  const errorText = useErrorText();
  const format = useFormat();
  const [noting, setNoting] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const acknowledge = async (alertId: string) => {
    const result = await core.acknowledgeAlert({ alertId, ...(note.trim() ? { note: note.trim() } : {}) });
    if (result.ok) {
      setNoting(null);
      setNote('');
      setError(null);
    } else setError(errorText(result.error));
  };
  return (
    <section className="alerts" aria-labelledby="alerts-title" data-testid="open-alerts">
      <h2 id="alerts-title">
        {t('title')} <span className="muted">{t('count', { total })}</span>
      </h2>
      {error && <p className="error-banner">{error}</p>}
      {alerts.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="alerts__list">
          {alerts.map((alert) => (
            <li key={alert.id} className={`alert alert--${alert.severity}`} data-testid="alert-row" data-type={alert.type}>
              <span className="alert__type">
                <span aria-hidden="true">{alert.severity === 'critical' ? '⚠' : '•'}</span> {t(`type.${alert.type}`)}
              </span>
              <span className="alert__message">{alertText(alert)}</span>
              <time className="muted" dateTime={alert.raisedAt}>
                {format.time(alert.raisedAt)}
              </time>
              {canAcknowledge &&
                (noting === alert.id ? (
                  <span className="alert__ack">
                    <input aria-label={t('note')} placeholder={t('notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} data-testid="alert-note" />
                    <button type="button" className="button" onClick={() => void acknowledge(alert.id)} data-testid="alert-ack-confirm">
                      {t('acknowledge')}
                    </button>
                  </span>
                ) : (
                  <button type="button" className="button" onClick={() => setNoting(alert.id)} data-testid="alert-ack">
                    {t('acknowledgeOpen')}
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
