import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import type { User } from '../../../shared/contract';
import { ROLES, type Role } from '../../../shared/domain/auth';
import { useCore } from '../../core-client/core-context';
import type { CoreErrorLike } from '../../i18n';

/** A call's answer, and what to say when it went through (kept untranslated, so it follows a change of language). */
export type Outcome = { ok: true } | { ok: false; error: CoreErrorLike };
export type Say = (t: TFunction<['users', 'common']>) => string;

interface Props {
  user: User;
  isMe: boolean;
  /** Administrators change users; shift leads only unlock. */
  manages: boolean;
  onDone: (result: Outcome, say: Say) => boolean;
}

/** One user: state in words, and what the signed-in person may do about it. */
export function UserRow({ user, isMe, manages, onDone }: Props) {
  const core = useCore();
  const { t } = useTranslation(['users', 'common']);
  const [resetting, setResetting] = useState(false);
  const [temporaryPin, setTemporaryPin] = useState('');
  const name = user.username;

  const state = !user.active ? t('disabled') : user.lockedUntil ? t('locked') : user.pinMustChange ? t('pinResetPending') : t('active');

  const reset = async (event: FormEvent) => {
    event.preventDefault();
    const result = await core.resetUserPin({ userId: user.id, temporaryPin });
    if (onDone(result, (tr) => tr('pinReset', { user: name }))) {
      setResetting(false);
      setTemporaryPin('');
    }
  };

  return (
    <tr data-testid={`user-${name}`}>
      <td>{name}</td>
      <td>{user.displayName}</td>
      <td>
        {manages ? (
          <select
            aria-label={t('roleOf', { user: name })}
            data-testid={`user-role-${name}`}
            value={user.role}
            onChange={(e) => {
              const role = e.target.value as Role;
              void core.setUserRole({ userId: user.id, role }).then((r) => onDone(r, (tr) => tr('roleChanged', { user: name, role: tr(`common:roles.${role}`) })));
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`common:roles.${r}`)}
              </option>
            ))}
          </select>
        ) : (
          t(`common:roles.${user.role}`)
        )}
      </td>
      <td data-testid={`user-state-${name}`}>{state}</td>
      <td className="users__actions">
        {user.lockedUntil && (
          <button type="button" className="button" data-testid={`user-unlock-${name}`} onClick={() => void core.unlockUser({ userId: user.id }).then((r) => onDone(r, (tr) => tr('unlocked', { user: name })))}>
            {t('unlock')}
          </button>
        )}
        {manages && !isMe && (
          <button
            type="button"
            className="button"
            data-testid={`user-active-${name}`}
            onClick={() => {
              const key = user.active ? 'disabledNow' : 'enabledNow';
              void core.setUserActive({ userId: user.id, active: !user.active }).then((r) => onDone(r, (tr) => tr(key, { user: name })));
            }}
          >
            {user.active ? t('disable') : t('enable')}
          </button>
        )}
        {manages && !resetting && (
          <button type="button" className="button" data-testid={`user-reset-${name}`} onClick={() => setResetting(true)}>
            {t('resetPin')}
          </button>
        )}
        {resetting && (
          <form className="form-row" onSubmit={(e) => void reset(e)} aria-label={t('resetPinOf', { user: name })}>
            <input
              aria-label={t('temporaryPin')}
              placeholder={t('temporaryPin')}
              data-testid={`user-temporary-pin-${name}`}
              type="password"
              inputMode="numeric"
              autoFocus
              value={temporaryPin}
              onChange={(e) => setTemporaryPin(e.target.value)}
              required
            />
            <button type="submit" className="button button--primary">
              {t('setTemporaryPin')}
            </button>
            <button type="button" className="button" onClick={() => setResetting(false)}>
              {t('cancel')}
            </button>
          </form>
        )}
      </td>
    </tr>
  );
}
