import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { StationIdentity, User } from '../../../shared/contract';
import { ROLES, ROLE_LABEL, type Role } from '../../../shared/domain/auth';
import { useCore } from '../../core-client/core-context';
import { RetentionPanel } from './RetentionPanel';

/** Administrator: users and PINs, this station's key for the other end, and the stations whose group files it trusts. */
export function AdminScreen() {
  const core = useCore();
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

  const say = (result: { ok: true } | { ok: false; error: { message: string; issues?: { message: string }[] } }, done: string) =>
    setMessage(result.ok ? { text: done, isError: false } : { text: result.error.issues?.[0]?.message ?? result.error.message, isError: true });

  const createUser = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.createUser(user);
    say(result, `${user.username} can now sign in as ${ROLE_LABEL[user.role].toLowerCase()}.`);
    if (result.ok) {
      setUser({ username: '', displayName: '', role: 'operator', pin: '' });
      void refresh();
    }
  };
  const trust = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.trustStation(peer);
    say(result, `Group files signed by ${peer.stationId} are now accepted.`);
  };

  return (
    <main className="page admin">
      {message && (
        <p className={message.isError ? 'error-banner' : 'notice'} role="status">
          {message.text}
        </p>
      )}
      <section className="card">
        <h2>Users</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{ROLE_LABEL[u.role]}</td>
                <td>
                  {u.lockedUntil ? (
                    <button type="button" className="button" onClick={() => void core.unlockUser({ userId: u.id }).then((r) => (say(r, `${u.username} unlocked.`), refresh()))}>
                      Locked: unlock
                    </button>
                  ) : (
                    'active'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form className="form-row" onSubmit={(e) => void createUser(e)} aria-label="New user">
          <input aria-label="User name" placeholder="User name" value={user.username} onChange={(e) => setUser({ ...user, username: e.target.value })} required />
          <input aria-label="Full name" placeholder="Full name" value={user.displayName} onChange={(e) => setUser({ ...user, displayName: e.target.value })} required />
          <select aria-label="Role" value={user.role} onChange={(e) => setUser({ ...user, role: e.target.value as Role })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
          <input aria-label="PIN" placeholder="PIN" type="password" inputMode="numeric" value={user.pin} onChange={(e) => setUser({ ...user, pin: e.target.value })} required />
          <button type="submit" className="button button--primary">
            Add user
          </button>
        </form>
      </section>
      <section className="card">
        <h2>This station’s key</h2>
        <p className="muted">Give this to the other end of the corridor so it accepts this station’s group files.</p>
        <dl className="key">
          <dt>Station</dt>
          <dd>{identity?.stationId}</dd>
          <dt>Public key</dt>
          <dd className="mono">{identity?.publicKey}</dd>
          <dt>Fingerprint</dt>
          <dd className="mono">{identity?.fingerprint.match(/.{4}/g)?.join(' ')}</dd>
        </dl>
        <h2>Trust another station</h2>
        <form className="form-row" onSubmit={(e) => void trust(e)} aria-label="Trust a station">
          <input aria-label="Station id" placeholder="Station id" value={peer.stationId} onChange={(e) => setPeer({ ...peer, stationId: e.target.value })} required />
          <input aria-label="Label" placeholder="Label" value={peer.label} onChange={(e) => setPeer({ ...peer, label: e.target.value })} required />
          <input aria-label="Public key" placeholder="Public key (base64)" className="mono" value={peer.publicKey} onChange={(e) => setPeer({ ...peer, publicKey: e.target.value })} required />
          <button type="submit" className="button button--primary">
            Trust
          </button>
        </form>
      </section>
      <RetentionPanel />
    </main>
  );
}
