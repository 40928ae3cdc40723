import { useTranslation } from 'react-i18next';
import './users.css';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { SessionUser, User } from '../../../shared/contract';
import { ROLES, roleMay, type Role } from '../../../shared/domain/auth';
import { useCore } from '../../core-client/core-context';
import { useErrorText, type CoreErrorLike } from '../../i18n';
import { UserRow, type Outcome, type Say } from './UserRow';

/** What happened last, kept untranslated so it follows a change of language. */
type Said = { kind: 'done'; say: Say } | { kind: 'error'; error: CoreErrorLike };

/**
 * The people who sign in at this station. Administrators add, disable and enable them, change roles and
 * reset PINs; shift leads see everyone and unlock whoever locked themselves out during the shift.
 */
export function UsersScreen({ user: me }: { user: SessionUser }) {
  const core = useCore();
  const { t } = useTranslation(['users', 'common']);
  const errorText = useErrorText();
  const [users, setUsers] = useState<User[]>([]);
  const [message, setMessage] = useState<Said | null>(null);
  const [draft, setDraft] = useState({ username: '', displayName: '', role: 'operator' as Role, pin: '' });
  const manages = roleMay(me.role, 'setUserActive');

  const refresh = useCallback(async () => {
    const list = await core.listUsers({});
    if (list.ok) setUsers(list.value.items);
    else setMessage({ kind: 'error', error: list.error });
  }, [core]);
  useEffect(() => void refresh(), [refresh]);

  /** Says what happened (or why not) and shows the list as the core now has it. */
  const done = useCallback(
    (result: Outcome, say: Say) => {
      setMessage(result.ok ? { kind: 'done', say } : { kind: 'error', error: result.error });
      void refresh();
      return result.ok;
    },
    [refresh],
  );

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.createUser(draft);
    const { username, role } = draft;
    if (done(result, (tr) => tr('created', { user: username, role: tr(`common:roles.${role}`) }))) setDraft({ username: '', displayName: '', role: 'operator', pin: '' });
  };

  return (
    <main className="page users" data-testid="users-screen">
      {message && (
        <p className={message.kind === 'error' ? 'error-banner' : 'notice'} role="status" data-testid="users-message">
          {message.kind === 'error' ? errorText(message.error) : message.say(t)}
        </p>
      )}
      <section className="card">
        <h2>{t('title')}</h2>
        <table className="table" data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">{t('user')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <UserRow key={u.id} user={u} isMe={u.id === me.id} manages={manages} onDone={done} />
            ))}
          </tbody>
        </table>
        {manages && (
          <form className="form-row" onSubmit={(e) => void add(e)} aria-label={t('newUser')}>
            <input aria-label={t('userName')} placeholder={t('userName')} value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.target.value })} required />
            <input aria-label={t('fullName')} placeholder={t('fullName')} value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} required />
            <select aria-label={t('role')} value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`common:roles.${r}`)}
                </option>
              ))}
            </select>
            <input aria-label={t('pin')} placeholder={t('pin')} type="password" inputMode="numeric" value={draft.pin} onChange={(e) => setDraft({ ...draft, pin: e.target.value })} required />
            <button type="submit" className="button button--primary">
              {t('add')}
            </button>
          </form>
        )}
      </section>
    </main>
  );
}
