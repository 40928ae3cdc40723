import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../i18n';
import { useState, type FormEvent } from 'react';
import type { ExportSettings } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import { deliveryReason } from './delivery-reason';

/** Groups of four hex digits: easier to read out over the phone when registering the station. */
const groupFingerprint = (hex: string) => hex.match(/.{1,4}/g)?.join(' ') ?? hex;

interface Props {
  settings: ExportSettings;
  canEdit: boolean;
  onSaved: (settings: ExportSettings) => void;
}

/** The station key fingerprint for registration, delivery state, and (administrators) the central endpoint. */
export function CentralSettings({ settings, canEdit, onSaved }: Props) {
  const { t } = useTranslation('export');
  const errorText = useErrorText();
  const core = useCore();
  const [url, setUrl] = useState(settings.centralUrl ?? '');
  const [credential, setCredential] = useState('');
  const [hubKey, setHubKey] = useState('');
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.saveExportSettings({
      centralUrl: url.trim() === '' ? null : url.trim(),
      timeZone: timeZone.trim(),
      ...(credential === '' ? {} : { credential }),
      ...(hubKey.trim() === '' ? {} : { hubPublicKey: hubKey.trim() }),
    });
    if (result.ok) {
      setCredential('');
      setHubKey('');
      setMessage({ text: t('central.saved'), isError: false });
      onSaved(result.value);
    } else setMessage({ text: errorText(result.error), isError: true });
  };

  const d = settings.delivery;
  return (
    <section className="card" aria-labelledby="central-title" data-testid="central-settings">
      <h2 id="central-title">{t('central.title')}</h2>
      <dl className="key">
        <dt>{t('central.fingerprint')}</dt>
        <dd className="mono" data-testid="station-fingerprint">
          {groupFingerprint(settings.stationFingerprint)}
        </dd>
        <dt>{t('central.address')}</dt>
        <dd>{settings.centralUrl ?? t('central.notConfigured')}</dd>
        <dt>{t('central.hubFingerprint')}</dt>
        <dd className="mono" data-testid="hub-fingerprint">
          {settings.hubFingerprint ? groupFingerprint(settings.hubFingerprint) : t('central.hubKeyNotSet')}
        </dd>
        <dt>{t('central.notAcknowledged')}</dt>
        <dd data-testid="not-acknowledged">
          {t('central.pending', { crossings: d.notAcknowledged, sent: d.sentNotAcknowledged, bundles: d.queuedBundles })}
          {d.heldBundles > 0 && <div className="export-status__error">{t('central.held', { count: d.heldBundles })}</div>}
        </dd>
        {d.lastError && (
          <>
            <dt>{t('central.lastError')}</dt>
            <dd className="export-status__error" data-testid="delivery-error">
              {deliveryReason(t, d.lastErrorCode, d.lastError)}
            </dd>
          </>
        )}
      </dl>
      {canEdit && (
        <form className="form-row" onSubmit={(e) => void save(e)}>
          <label>
            {t('central.url')}
            <input value={url} size={40} onChange={(e) => setUrl(e.target.value)} placeholder={t('central.urlPlaceholder')} />
          </label>
          <label>
            {t('central.credential')} {settings.credentialSet ? t('central.credentialSet') : t('central.credentialNotSet')}
            <input type="password" value={credential} autoComplete="off" onChange={(e) => setCredential(e.target.value)} />
          </label>
          <label>
            {t('central.hubKey')}
            <input value={hubKey} size={40} autoComplete="off" spellCheck={false} onChange={(e) => setHubKey(e.target.value)} />
          </label>
          <label>
            {t('central.timeZone')}
            <input value={timeZone} onChange={(e) => setTimeZone(e.target.value)} placeholder={t('central.timeZonePlaceholder')} />
          </label>
          <button type="submit" className="button">
            {t('central.save')}
          </button>
        </form>
      )}
      {message && (
        <p className={message.isError ? 'error-banner' : 'notice'} role="status">
          {message.text}
        </p>
      )}
    </section>
  );
}
