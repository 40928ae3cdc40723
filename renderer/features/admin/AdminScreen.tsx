import { useTranslation } from 'react-i18next';
import { useErrorText, type CoreErrorLike } from '../../i18n';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { StationIdentity } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import { IdleSignOutPanel } from './IdleSignOutPanel';
import { RetentionPanel } from './RetentionPanel';

/** Administrator: this station's key for the other end, the stations whose group files it trusts, and how long personal data is kept. */
export function AdminScreen() {
  const core = useCore();
  const { t } = useTranslation(['admin', 'common']);
  const errorText = useErrorText();
  const [identity, setIdentity] = useState<StationIdentity | null>(null);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [peer, setPeer] = useState({ stationId: '', label: '', publicKey: '' });

  const refresh = useCallback(async () => {
    const id = await core.getStationIdentity({});
    if (id.ok) setIdentity(id.value);
  }, [core]);
  useEffect(() => void refresh(), [refresh]);

  const say = (result: { ok: true } | { ok: false; error: CoreErrorLike }, done: string) =>
    setMessage(result.ok ? { text: done, isError: false } : { text: errorText(result.error), isError: true });

  const trust = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.trustStation(peer);
    say(result, t('stationTrusted', { station: peer.stationId }));
  };

  return (
    <main className="page admin">
      {message && (
        <p className={message.isError ? 'error-banner' : 'notice'} role="status">
          {message.text}
        </p>
      )}
      <section className="card">
        <h2>{t('stationKey')}</h2>
        <p className="muted">{t('stationKeyHint')}</p>
        <dl className="key">
          <dt>{t('station')}</dt>
          <dd>{identity?.stationId}</dd>
          <dt>{t('publicKey')}</dt>
          <dd className="mono">{identity?.publicKey}</dd>
          <dt>{t('fingerprint')}</dt>
          <dd className="mono">{identity?.fingerprint.match(/.{4}/g)?.join(' ')}</dd>
        </dl>
        <h2>{t('trustAnother')}</h2>
        <form className="form-row" onSubmit={(e) => void trust(e)} aria-label={t('trustStation')}>
          <input aria-label={t('stationId')} placeholder={t('stationId')} value={peer.stationId} onChange={(e) => setPeer({ ...peer, stationId: e.target.value })} required />
          <input aria-label={t('label')} placeholder={t('label')} value={peer.label} onChange={(e) => setPeer({ ...peer, label: e.target.value })} required />
          <input aria-label={t('publicKey')} placeholder={t('publicKeyBase64')} className="mono" value={peer.publicKey} onChange={(e) => setPeer({ ...peer, publicKey: e.target.value })} required />
          <button type="submit" className="button button--primary">
            {t('trust')}
          </button>
        </form>
      </section>
      <IdleSignOutPanel />
      <RetentionPanel />
    </main>
  );
}
