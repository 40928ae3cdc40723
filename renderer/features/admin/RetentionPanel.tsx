import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { RetentionStatus } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import { useFormat, useErrorText } from '../../i18n';

/** How long travellers' personal data is kept. The core purges at start, daily, and when this is saved. */
export function RetentionPanel() {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const format = useFormat();
  const core = useCore();
  const [status, setStatus] = useState<RetentionStatus | null>(null);
  const [days, setDays] = useState('');
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  const show = useCallback((next: RetentionStatus) => {
    setStatus(next);
    setDays(String(next.days));
  }, []);
  useEffect(() => {
    void core.getRetention({}).then((result) => {
      if (result.ok) show(result.value);
    });
  }, [core, show]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.setRetention({ days: Number(days) });
    if (!result.ok) {
      setMessage({ text: errorText(result.error), isError: true });
      return;
    }
    show(result.value);
    const purged = result.value.lastPurge?.counts.crossings ?? 0;
    setMessage({ text: t('retention.saved', { days: result.value.days, count: purged }), isError: false });
  };

  const last = status?.lastPurge;
  return (
    <section className="card" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <p className="muted">{t('retention.hint')}</p>
      {message && (
        <p className={message.isError ? 'error-banner' : 'notice'} role="status" data-testid="retention-message">
          {message.text}
        </p>
      )}
      <form className="form-row" onSubmit={(e) => void save(e)} aria-label={t('retention.period')}>
        <label>
          {t('retention.keepFor')}{' '}
          <input aria-label={t('retention.days')} type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} required />
        </label>
        <button type="submit" className="button button--primary">
          {t('retention.save')}
        </button>
      </form>
      {last && (
        <p className="muted" data-testid="retention-last">
          {t('retention.last', { at: format.dateTime(last.at), cutoff: format.date(last.cutoff), crossings: last.counts.crossings })}
        </p>
      )}
    </section>
  );
}
