import type { SessionUser } from '../../shared/contract';
import { ROLE_LABEL } from '../../shared/domain/auth';

export type ScreenId = 'lane' | 'groups' | 'consular' | 'dashboard' | 'export' | 'admin';

export const SCREEN_LABEL: Record<ScreenId, string> = {
  lane: 'Lane',
  groups: 'Groups',
  consular: 'Consular',
  dashboard: 'Dashboard',
  export: 'Export',
  admin: 'Administration',
};

/** Keys that open a screen from anywhere (shown in the navigation). */
export const SCREEN_SHORTCUT: Partial<Record<ScreenId, string>> = { export: 'F7' };

interface Props {
  screens: readonly ScreenId[];
  current: ScreenId;
  user: SessionUser;
  onSelect: (screen: ScreenId) => void;
  onSignOut: () => void;
}

export function NavBar({ screens, current, user, onSelect, onSignOut }: Props) {
  return (
    <nav className="nav" aria-label="Screens">
      {screens.map((screen) => (
        <button
          key={screen}
          type="button"
          className={`nav__item ${screen === current ? 'nav__item--active' : ''}`}
          aria-current={screen === current ? 'page' : undefined}
          data-testid={`nav-${screen}`}
          onClick={() => onSelect(screen)}
        >
          {SCREEN_LABEL[screen]}
          {SCREEN_SHORTCUT[screen] && <kbd>{SCREEN_SHORTCUT[screen]}</kbd>}
        </button>
      ))}
      <span className="nav__user" data-testid="signed-in-user">
        {user.displayName} · {ROLE_LABEL[user.role]}
      </span>
      <button type="button" className="nav__item" data-testid="sign-out" onClick={onSignOut}>
        Sign out
      </button>
    </nav>
  );
}
