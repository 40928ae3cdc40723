import { useTranslation } from 'react-i18next';
import { useErrorText, type CoreErrorLike } from '../../i18n';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { StationIdentity, User } from '../../../shared/contract';
import { ROLES, type Role } from '../../../shared/domain/auth';
import { useCore } from '../../core-client/core-context';
import { RetentionPanel } from './RetentionPanel';

/** Administrator: users and PINs, this station's key for the other end, and the stations whose group files it trusts. */
export function AdminScreen() {
  const core = useCore();
  const { t } = useTranslation(['admin', 'common']);
  const errorText = useErrorText();
  const [users, setUsers] = useState<User[]>([]);
  const [identity, setIdentity] = useState<StationIdentity | null>(null);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [user, setUser] = useState({ username: '', displayName: '', role: 'operator' as Role, pin: '' });
  const [peer, setPeer] = useState({ stationId: '', label: '', publicKey: '' });

  const refresh = useCallback(async () => {
    const [u, id] = await Promise.all([core.listUsers({}), core.getStationIdentity({})]);
    if (u.ok) setUsers(u.value.items);
    if (id.ok) setIdentity(id.value);
  }, [core]);
  useEffect(() => void refresh(), [refresh]);

  const say = (result: { ok: true } | { ok: false; error: CoreErrorLike }, done: string) =>
    setMessage(result.ok ? { text: done, isError: false } : { text: errorText(result.error), isError: true });

  const createUser = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.createUser(user);
    say(result, t('userCreated', { user: user.username, role: t(`common:roles.${user.role}`) }));
    if (result.ok) {
      setUser({ username: '', displayName: '', role: 'operator', pin: '' });
      void refresh();
    }
  };
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
        <h2>{t('users')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('user')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('state')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{t(`common:roles.${u.role}`)}</td>
                <td>
                  {u.lockedUntil ? (
                    <button type="button" className="button" onClick={() => void core.unlockUser({ userId: u.id }).then((r) => (say(r, t('unlocked', { user: u.username })), refresh()))}>
                      {t('lockedUnlock')}
                    </button>
                  ) : (
                    t('active')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form className="form-row" onSubmit={(e) => void createUser(e)} aria-label={t('newUser')}>
          <input aria-label={t('userName')} placeholder={t('userName')} value={user.username} onChange={(e) => setUser({ ...user, username: e.target.value })} required />
          <input aria-label={t('fullName')} placeholder={t('fullName')} value={user.displayName} onChange={(e) => setUser({ ...user, displayName: e.target.value })} required />
          <select aria-label={t('role')} value={user.role} onChange={(e) => setUser({ ...user, role: e.target.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`common:roles.${r}`)}
              </option>
            ))}
          </select>
          <input aria-label={t('pin')} placeholder={t('pin')} type="password" inputMode="numeric" value={user.pin} onChange={(e) => setUser({ ...user, pin: e.target.value })} required />
          <button type="submit" className="button button--primary">
            {t('addUser')}
          </button>
        </form>
      </section>
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
      <RetentionPanel />
    </main>
  );
}
