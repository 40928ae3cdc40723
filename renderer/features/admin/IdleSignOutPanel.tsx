import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../core-client/core-context';
import { useCoreQuery } from '../../core-query';
import { useErrorText } from '../../i18n';

/**
 * How long the lane may be left alone before the person signed in there is signed out, so the next person never
 * works under the previous one's name. 0 turns it off; the core keeps the setting and audits each change.
 */
export function IdleSignOutPanel() {
  const { t } = useTranslation('admin');
  const core = useCore();
  const errorText = useErrorText();
  const setting = useCoreQuery('getIdleSignOut', {}, { on: ['setup'] });
  const [minutes, setMinutes] = useState('');
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const saved = setting.data?.minutes;
  useEffect(() => {
    if (saved !== undefined) setMinutes(String(saved));
  }, [saved]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.setIdleSignOut({ minutes: Number(minutes) });
    if (!result.ok) return setMessage({ text: errorText(result.error), isError: true });
    setMessage({ text: result.value.minutes === 0 ? t('idle.savedOff') : t('idle.saved', { minutes: result.value.minutes }), isError: false });
  };

  return (
    <section className="card" aria-labelledby="idle-sign-out-title">
      <h2 id="idle-sign-out-title">{t('idle.title')}</h2>
      <p className="muted">{t('idle.hint')}</p>
      {message && (
        <p className={message.isError ? 'error-banner' : 'notice'} role="status" data-testid="idle-sign-out-message">
          {message.text}
        </p>
      )}
      <form className="form-row" onSubmit={(e) => void save(e)} aria-label={t('idle.title')}>
        <label>
          {t('idle.after')}{' '}
          <input data-testid="idle-sign-out-minutes" aria-label={t('idle.minutes')} type="number" min={0} max={1440} value={minutes} onChange={(e) => setMinutes(e.target.value)} required />{' '}
          {t('idle.minutes')}
        </label>
        <button type="submit" className="button button--primary" data-testid="idle-sign-out-save">
          {t('idle.save')}
        </button>
      </form>
    </section>
  );
}
