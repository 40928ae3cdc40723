import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../shared/contract';

export type ScreenId = 'lane' | 'groups' | 'consular' | 'dashboard' | 'export' | 'rules' | 'users' | 'scanners' | 'admin';

/** Keys that open a screen from anywhere (shown in the navigation). */
export const SCREEN_SHORTCUT: Partial<Record<ScreenId, string>> = { export: 'F7' };

interface Props {
  screens: readonly ScreenId[];
  current: ScreenId;
  user: SessionUser;
  onSelect: (screen: ScreenId) => void;
  onSignOut: () => void;
  onChangePin: () => void;
}

export function NavBar({ screens, current, user, onSelect, onSignOut, onChangePin }: Props) {
  const { t } = useTranslation(['nav', 'common']);
  return (
    <nav className="nav" aria-label={t('screens')}>
      {screens.map((screen) => (
        <button
          key={screen}
          type="button"
          className={`nav__item ${screen === current ? 'nav__item--active' : ''}`}
          aria-current={screen === current ? 'page' : undefined}
          data-testid={`nav-${screen}`}
          onClick={() => onSelect(screen)}
        >
          {t(screen)}
          {SCREEN_SHORTCUT[screen] && <kbd>{SCREEN_SHORTCUT[screen]}</kbd>}
        </button>
      ))}
      <span className="nav__user" data-testid="signed-in-user" title={`${user.displayName} · ${t(`common:roles.${user.role}`)}`}>
        {user.displayName} · {t(`common:roles.${user.role}`)}
      </span>
      <button type="button" className="nav__item" data-testid="change-my-pin" onClick={onChangePin}>
        {t('changePin')}
      </button>
      <button type="button" className="nav__item" data-testid="sign-out" onClick={onSignOut}>
        {t('signOut')}
      </button>
    </nav>
  );
}
