import { useState, type FormEvent } from 'react';
import { useErrorText } from '../../i18n';
import { useTranslation } from 'react-i18next';
import type { WhoAmI } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';

/** User name and PIN: the core checks them, counts wrong PINs and locks after five. */
export function LoginScreen({ station, onSignedIn }: { station: WhoAmI['station']; onSignedIn: () => void }) {
  const core = useCore();
  const { t } = useTranslation('login');
  const errorText = useErrorText();
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await core.login({ username, pin });
    setBusy(false);
    setPin('');
    if (result.ok) onSignedIn();
    else setError(errorText(result.error));
  };

  return (
    <main className="page login">
      <form className="card login__form" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title">{t('title')}</h1>
        <p className="muted">
          {t('station', { id: station.id })}
          {station.checkpointName ? ` · ${station.checkpointName}` : ''}
        </p>
        <label>
          {t('userName')}
          <input data-testid="login-username" autoFocus autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label>
          {t('pin')}
          <input
            data-testid="login-pin"
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            required
          />
        </label>
        {error && (
          <p className="error-banner" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" data-testid="login-submit" disabled={busy}>
          {t('submit')}
        </button>
      </form>
    </main>
  );
}
