import { useEffect, useState } from 'react';
import type { HubSessionAnswer } from '../../shared/contract/hub-web';
import type { HubPermission } from '../../shared/domain/central';
import { LANGUAGE_NAME, UI_LANGUAGES, isUiLanguage } from '../../renderer/i18n/languages';
import { HubCallError, hubDelete, hubGet, SESSION_ENDED } from './api/hub-client';
import { useHubI18n, type HubMessageKey } from './i18n/hub-i18n';
import { Alerts } from './features/Alerts';
import { Board } from './features/Board';
import { Corridors } from './features/Corridors';
import { PersonSearch } from './features/PersonSearch';
import { SignIn } from './features/SignIn';
import { StationHealth } from './features/StationHealth';
import { Statistics } from './features/Statistics';

type Screen = 'board' | 'persons' | 'stations' | 'alerts' | 'statistics' | 'corridors';
const SCREENS: readonly { id: Screen; needs: HubPermission; label: HubMessageKey }[] = [
  { id: 'board', needs: 'board', label: 'nav.board' },
  { id: 'persons', needs: 'persons', label: 'nav.persons' },
  { id: 'alerts', needs: 'alerts', label: 'nav.alerts' },
  { id: 'stations', needs: 'stations', label: 'nav.stations' },
  { id: 'statistics', needs: 'statistics', label: 'nav.statistics' },
  { id: 'corridors', needs: 'corridors', label: 'nav.corridors' },
];

function LanguageSelect() {
  const { t, language, setLanguage } = useHubI18n();
  return (
    <select
      aria-label={t('language')}
      value={language}
      data-testid="language-select"
      onChange={(e) => {
        if (isUiLanguage(e.target.value)) setLanguage(e.target.value);
      }}
    >
      {UI_LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code}>
          {LANGUAGE_NAME[code]}
        </option>
      ))}
    </select>
  );
}

/** The hub UI: sign-in, then the screens the user's role has (the hub checks the role again on every call). */
export function App() {
  const { t } = useHubI18n();
  const [session, setSession] = useState<HubSessionAnswer | null | 'unknown'>('unknown');
  const [screen, setScreen] = useState<Screen | null>(null);

  useEffect(() => {
    hubGet<HubSessionAnswer>('session').then(setSession, (error: unknown) => {
      if (error instanceof HubCallError) setSession(null);
    });
    const ended = () => setSession(null);
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, []);

  if (session === 'unknown') return <p className="hub-muted">{t('loading')}</p>;
  const header = (
    <header className="hub-header">
      <span className="hub-header__title">{t('appTitle')}</span>
      {session && <span>{t('signedInAs', { name: session.user.name, role: t(`role.${session.user.role}`) })}</span>}
      <LanguageSelect />
      {session && (
        <button type="button" className="hub-button" data-testid="sign-out" onClick={() => void hubDelete('session').finally(() => setSession(null))}>
          {t('signOut')}
        </button>
      )}
    </header>
  );
  if (!session)
    return (
      <>
        {header}
        <SignIn
          onSignedIn={(s) => {
            setSession(s);
            setScreen(null);
          }}
        />
      </>
    );
  const allowed = SCREENS.filter((s) => session.permissions.includes(s.needs));
  const current = allowed.find((s) => s.id === screen) ?? allowed[0];
  return (
    <>
      {header}
      <nav className="hub-nav" aria-label={t('nav.label')}>
        {allowed.map((s) => (
          <button key={s.id} type="button" className="hub-nav__item" aria-current={current?.id === s.id ? 'page' : undefined} onClick={() => setScreen(s.id)} data-testid={`nav-${s.id}`}>
            {t(s.label)}
          </button>
        ))}
      </nav>
      <main className="hub-main">
        {current?.id === 'board' && <Board />}
        {current?.id === 'persons' && <PersonSearch />}
        {current?.id === 'alerts' && <Alerts canAcknowledge={session.permissions.includes('alerts.acknowledge')} />}
        {current?.id === 'stations' && <StationHealth />}
        {current?.id === 'statistics' && <Statistics />}
        {current?.id === 'corridors' && <Corridors />}
      </main>
    </>
  );
}
