import { useState, type FormEvent } from 'react';
import type { HubSessionAnswer } from '../../../shared/contract/hub-web';
import { HubCallError, hubPost } from '../api/hub-client';
import { useHubI18n } from '../i18n/hub-i18n';
import { ErrorLine } from './common';

export function SignIn({ onSignedIn }: { onSignedIn: (session: HubSessionAnswer) => void }) {
  const { t, format } = useHubI18n();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<HubCallError | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    hubPost<HubSessionAnswer>('session', { name: name.trim(), secret }).then(
      (session) => onSignedIn(session),
      (error: unknown) => {
        setBusy(false);
        setSecret('');
        setProblem(error instanceof HubCallError ? error : new HubCallError('generic', 0));
      },
    );
  };

  return (
    <main className="hub-sign-in">
      <h1>{t('signIn.title')}</h1>
      <form onSubmit={submit} className="hub-sign-in__form">
        <label>
          {t('signIn.name')}
          <input name="name" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} required autoFocus data-testid="sign-in-name" />
        </label>
        <label>
          {t('signIn.secret')}
          <input name="secret" type="password" autoComplete="current-password" value={secret} onChange={(e) => setSecret(e.target.value)} required data-testid="sign-in-secret" />
        </label>
        <button type="submit" className="hub-button hub-button--primary" disabled={busy} data-testid="sign-in-submit">
          {t('signIn.submit')}
        </button>
        {problem?.code === 'sign-in-refused' && (
          <p className="hub-error" role="alert">
            {t('signIn.refused')}
          </p>
        )}
        {problem?.code === 'sign-in-locked' && (
          <p className="hub-error" role="alert">
            {t('signIn.locked', { until: problem.until ? format.dateTime(new Date(problem.until)) : '' })}
          </p>
        )}
        {problem && problem.code !== 'sign-in-refused' && problem.code !== 'sign-in-locked' && <ErrorLine error={problem} />}
      </form>
    </main>
  );
}
