import { useTranslation } from 'react-i18next';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useCore } from '../../core-client/core-context';
import { useErrorText } from '../../i18n';
import './users.css';

/** Anyone signed in changes their own PIN: the current one, then the new one twice. Esc closes. */
export function ChangePinForm({ onClose }: { onClose: (changed: boolean) => void }) {
  const core = useCore();
  const { t } = useTranslation('users');
  const errorText = useErrorText();
  const [currentPin, setCurrentPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (newPin !== repeat) return setProblem(t('pinsDiffer'));
    setBusy(true);
    const result = await core.changeMyPin({ currentPin, newPin });
    setBusy(false);
    setCurrentPin('');
    if (result.ok) return onClose(true);
    setProblem(errorText(result.error));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose(false);
  };

  return (
    <form className="card change-pin" data-testid="change-pin" aria-labelledby="change-pin-title" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
      <h2 id="change-pin-title">{t('changeMyPin')}</h2>
      <label>
        {t('currentPin')}
        <input data-testid="change-pin-current" type="password" inputMode="numeric" autoComplete="current-password" autoFocus value={currentPin} onChange={(e) => setCurrentPin(e.target.value)} required />
      </label>
      <NewPinFields newPin={newPin} repeat={repeat} onNewPin={setNewPin} onRepeat={setRepeat} />
      {problem && (
        <p className="error-banner" role="alert" data-testid="change-pin-error">
          {problem}
        </p>
      )}
      <div className="form-row">
        <button type="submit" className="button button--primary" data-testid="change-pin-submit" disabled={busy}>
          {t('savePin')}
        </button>
        <button type="button" className="button" onClick={() => onClose(false)}>
          {t('cancel')} <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}

/** The new PIN twice, so a slip of the finger does not lock its owner out. */
export function NewPinFields({ newPin, repeat, onNewPin, onRepeat }: { newPin: string; repeat: string; onNewPin: (pin: string) => void; onRepeat: (pin: string) => void }) {
  const { t } = useTranslation('users');
  return (
    <>
      <label>
        {t('newPin')}
        <input data-testid="new-pin" type="password" inputMode="numeric" autoComplete="new-password" value={newPin} onChange={(e) => onNewPin(e.target.value)} required />
      </label>
      <label>
        {t('repeatPin')}
        <input data-testid="new-pin-repeat" type="password" inputMode="numeric" autoComplete="new-password" value={repeat} onChange={(e) => onRepeat(e.target.value)} required />
      </label>
    </>
  );
}
