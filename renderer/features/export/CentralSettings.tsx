import { useState, type FormEvent } from 'react';
import type { ExportSettings } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';

/** Groups of four hex digits: easier to read out over the phone when registering the station. */
const groupFingerprint = (hex: string) => hex.match(/.{1,4}/g)?.join(' ') ?? hex;

interface Props {
  settings: ExportSettings;
  canEdit: boolean;
  onSaved: (settings: ExportSettings) => void;
}

/** The station key fingerprint for registration, delivery state, and (administrators) the central endpoint. */
export function CentralSettings({ settings, canEdit, onSaved }: Props) {
  const core = useCore();
  const [url, setUrl] = useState(settings.centralUrl ?? '');
  const [credential, setCredential] = useState('');
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.saveExportSettings({
      centralUrl: url.trim() === '' ? null : url.trim(),
      timeZone: timeZone.trim(),
      ...(credential === '' ? {} : { credential }),
    });
    if (result.ok) {
      setCredential('');
      setMessage({ text: 'Saved. Queued bundles are sent as soon as the central system answers.', isError: false });
      onSaved(result.value);
    } else setMessage({ text: result.error.issues?.[0]?.message ?? result.error.message, isError: true });
  };

  const d = settings.delivery;
  return (
    <section className="card" aria-labelledby="central-title" data-testid="central-settings">
      <h2 id="central-title">Central system</h2>
      <dl className="key">
        <dt>Station key fingerprint (SHA-256)</dt>
        <dd className="mono" data-testid="station-fingerprint">
          {groupFingerprint(settings.stationFingerprint)}
        </dd>
        <dt>Central address</dt>
        <dd>{settings.centralUrl ?? 'not configured — bundles travel on USB only'}</dd>
        <dt>Not yet acknowledged</dt>
        <dd data-testid="not-acknowledged">
          {d.notAcknowledged} crossing{d.notAcknowledged === 1 ? '' : 's'} saved, not yet acknowledged ({d.sentNotAcknowledged} sent); {d.queuedBundles} bundle
          {d.queuedBundles === 1 ? '' : 's'} in the outbox
        </dd>
        {d.lastError && (
          <>
            <dt>Last error</dt>
            <dd className="export-status__error">{d.lastError}</dd>
          </>
        )}
      </dl>
      {canEdit && (
        <form className="form-row" onSubmit={(e) => void save(e)}>
          <label>
            Central address (https://…)
            <input value={url} size={40} onChange={(e) => setUrl(e.target.value)} placeholder="https://central.example.org/bundles" />
          </label>
          <label>
            Station credential {settings.credentialSet ? '(set; type to replace)' : '(not set)'}
            <input type="password" value={credential} autoComplete="off" onChange={(e) => setCredential(e.target.value)} />
          </label>
          <label>
            Station time zone
            <input value={timeZone} onChange={(e) => setTimeZone(e.target.value)} placeholder="Asia/Tashkent" />
          </label>
          <button type="submit" className="button">
            Save
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
