import { useState, type FormEvent } from 'react';
import { useErrorText } from '../../i18n';
import { useTranslation } from 'react-i18next';
import type { WhoAmI } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';
import { NewPinFields } from '../users/ChangePinForm';

/** User name and PIN: the core checks them, counts wrong PINs and locks after five. */
export function LoginScreen({ station, onSignedIn }: { station: WhoAmI['station']; onSignedIn: () => void }) {
  const core = useCore();
  const { t } = useTranslation(['login', 'users']);
  const errorText = useErrorText();
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After an administrator reset the PIN, the person signs in with the PIN they were given and their own new one.
  const [choosingPin, setChoosingPin] = useState(false);
  const [newPin, setNewPin] = useState('');
  const [repeat, setRepeat] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (choosingPin && newPin !== repeat) return setError(t('users:pinsDiffer'));
    setBusy(true);
    const result = await core.login(choosingPin ? { username, pin, newPin } : { username, pin });
    setBusy(false);
    if (result.ok) return onSignedIn();
    if (result.error.key === 'auth.newPinRequired') {
      // The given PIN stays typed: it is sent again with the new one.
      setChoosingPin(true);
    } else {
      setPin('');
      setNewPin('');
      setRepeat('');
    }
    setError(errorText(result.error));
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
        {choosingPin && <NewPinFields newPin={newPin} repeat={repeat} onNewPin={setNewPin} onRepeat={setRepeat} />}
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
