import { useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreError } from '../../../shared/contract';
import { useErrorText } from '../../i18n';
import './override.css';

/** The core refuses a shorter reason; said here before the call. */
const MIN_REASON = 5;

export interface OverrideAnswer {
  readonly reason: string;
  /** The second person who authorises it; absent when the person signed in is the one deciding. */
  readonly authoriser?: { readonly username: string; readonly pin: string };
}

interface Props {
  /** Who is let through and why they were not (name, document, outcome), shown at the top. */
  readonly subject: ReactNode;
  /**
   * At the lane the operator is not the one who decides: a consular officer or shift lead types their own
   * user name and PIN. On the Consular screen the officer signed in decides, and only the reason is asked.
   */
  readonly askAuthoriser: boolean;
  readonly busy: boolean;
  /** The core's answer to the last try (wrong PIN, a role that may not, the operator's own PIN). */
  readonly error: CoreError | null;
  readonly onSubmit: (answer: OverrideAnswer) => void;
  readonly onClose: () => void;
}

/**
 * Letting a NOT OK or NEEDS CROSS-CHECK traveller cross: an explicit, authorised decision with a reason,
 * stored by the core as an override on the crossing. Enter confirms, Esc closes and changes nothing.
 */
export function OverrideDialog({ subject, askAuthoriser, busy, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation('override');
  const errorText = useErrorText();
  const id = useId();
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'needPerson' | 'needReason' | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (askAuthoriser && (username.trim().length === 0 || pin.length === 0)) return setProblem('needPerson');
    if (reason.trim().length < MIN_REASON) return setProblem('needReason');
    setProblem(null);
    onSubmit({ reason: reason.trim(), ...(askAuthoriser ? { authoriser: { username: username.trim(), pin } } : {}) });
    // A PIN is typed again for every try, never kept on screen.
    setPin('');
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Only the dialog closes: the traveller stays on screen.
    event.stopPropagation();
    onClose();
  };

  return (
    <form className="override-dialog" role="dialog" aria-modal="false" aria-labelledby={`${id}-title`} data-testid="override-dialog" onSubmit={submit} onKeyDown={onKeyDown}>
      <header className="override-dialog__header">
        <h2 id={`${id}-title`}>{t('title')}</h2>
        <button type="button" className="button" onClick={onClose}>
          {t('close')} <kbd>Esc</kbd>
        </button>
      </header>
      <div className="override-dialog__who">{subject}</div>
      <p>{t(askAuthoriser ? 'whoMay' : 'yourDecision')}</p>
      <div className="override-dialog__grid">
        {askAuthoriser && (
          <>
            <label>
              {t('username')}
              <input data-testid="override-username" autoFocus autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
            </label>
            <label>
              {t('pin')}
              <input data-testid="override-pin" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} />
            </label>
          </>
        )}
        <label className="override-dialog__reason">
          {t('reason')}
          <input data-testid="override-reason" autoFocus={!askAuthoriser} autoComplete="off" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      </div>
      {(problem || error) && (
        <p className="override-dialog__problem" role="alert" data-testid="override-problem">
          {problem ? t(problem) : error ? errorText(error) : null}
        </p>
      )}
      <button type="submit" className="button button--primary" data-testid="override-submit" disabled={busy}>
        {t('submit')} <kbd>Enter</kbd>
      </button>
    </form>
  );
}
