import { Suspense, lazy, useCallback, useState, type ReactNode } from 'react';
import type { ScanResult } from '../../shared/contract';
import { useTranslation } from 'react-i18next';
import { roleMay } from '../../shared/domain/auth';
import { useExportShortcut } from '../features/export/use-export-shortcut';
import { FirstRunScreen } from '../features/login/FirstRunScreen';
import { ParkedAtSignOut } from '../features/lane/ParkedAtSignOut';
import { LoginScreen } from '../features/login/LoginScreen';
import { useCore } from '../core-client/core-context';
import { ChangePinForm } from '../features/users/ChangePinForm';
// The scanners screen stays in the lane's bundle: F10 opens it over the lane (App.tsx).
import { ScannersScreen } from '../features/scanners';
import { NavBar, type ScreenId } from './NavBar';
import { useSession } from '../session';
import '../styles/crossing-log.css';

// Every screen but the lane loads when first opened: the lane's bundle stays free of the charts (recharts), the
// rule editor and the administration screens, so a lane PC starts and re-renders on what the lane needs.
const GroupsScreen = lazy(() => import('../features/groups/GroupsScreen').then((m) => ({ default: m.GroupsScreen })));
const ConsularScreen = lazy(() => import('../features/consular/ConsularScreen').then((m) => ({ default: m.ConsularScreen })));
const DashboardScreen = lazy(() => import('../features/dashboard/DashboardScreen').then((m) => ({ default: m.DashboardScreen })));
const ExportScreen = lazy(() => import('../features/export/ExportScreen').then((m) => ({ default: m.ExportScreen })));
const RulesScreen = lazy(() => import('../features/rules/RulesScreen').then((m) => ({ default: m.RulesScreen })));
const UsersScreen = lazy(() => import('../features/users/UsersScreen').then((m) => ({ default: m.UsersScreen })));
const AdminScreen = lazy(() => import('../features/admin/AdminScreen').then((m) => ({ default: m.AdminScreen })));

// A screen is offered when the signed-in role may call the method it is built on; the core decides anyway.
const SCREEN_METHOD: Record<ScreenId, string> = {
  lane: 'scan',
  groups: 'getGroup',
  consular: 'getTravellerHistory',
  dashboard: 'getDashboard',
  export: 'listExports',
  rules: 'importTrustList',
  users: 'listUsers',
  // Over the lane F10 opens it too (App); administrators, who have no lane, find it here.
  scanners: 'assignScanner',
  admin: 'trustStation',
};
const ORDER: readonly ScreenId[] = ['lane', 'groups', 'consular', 'dashboard', 'export', 'rules', 'users', 'scanners', 'admin'];

/**
 * Sign-in gate and navigation. The lane stays the default screen; the first-run wizard appears while the
 * station has no user, the sign-in form while nobody is signed in.
 */
export function Shell({ laneScreen }: { laneScreen: ReactNode }) {
  const { t } = useTranslation(['common', 'users']);
  const { who, errorText, refresh, signOut } = useSession();
  const core = useCore();
  const [chosen, setChosen] = useState<ScreenId>('lane');
  // Travellers still not recorded when sign-out was asked for: listed before the session ends.
  const [parkedAtSignOut, setParkedAtSignOut] = useState<ScanResult[] | null>(null);
  const [changingPin, setChangingPin] = useState(false);
  const [pinChanged, setPinChanged] = useState(false);
  const mayExport = who?.user ? roleMay(who.user.role, SCREEN_METHOD.export) : false;
  useExportShortcut(mayExport, useCallback(() => setChosen('export'), []));
  if (!who) {
    return (
      <main className="page" role={errorText ? 'alert' : 'status'}>
        {errorText ?? t('connecting')}
      </main>
    );
  }
  if (who.needsSetup) return <FirstRunScreen stationId={who.station.id} onDone={() => void refresh()} />;
  const user = who.user;
  if (!user) return <LoginScreen station={who.station} onSignedIn={() => void refresh()} />;
  const screens = ORDER.filter((screen) => roleMay(user.role, SCREEN_METHOD[screen]));
  const current = screens.includes(chosen) ? chosen : (screens[0] ?? 'lane');
  const leave = () => {
    setParkedAtSignOut(null);
    void signOut();
    setChosen('lane');
  };
  return (
    <>
      <NavBar
        screens={screens}
        current={current}
        user={user}
        onSelect={setChosen}
        onSignOut={() => {
          // Whoever may not list them (an administrator) signs out at once.
          void core.listParked({}).then((parked) => (parked.ok && parked.value.items.length > 0 ? setParkedAtSignOut(parked.value.items) : leave()));
        }}
        onChangePin={() => {
          setPinChanged(false);
          setChangingPin(true);
        }}
      />
      {parkedAtSignOut && (
        <ParkedAtSignOut
          parked={parkedAtSignOut}
          onStay={() => {
            setParkedAtSignOut(null);
            setChosen('lane');
          }}
          onLeave={leave}
        />
      )}
      {changingPin && (
        <ChangePinForm
          onClose={(changed) => {
            setChangingPin(false);
            setPinChanged(changed);
          }}
        />
      )}
      {pinChanged && (
        <p className="notice" role="status" data-testid="pin-changed">
          {t('users:pinChanged')}
        </p>
      )}
      {current === 'lane' && laneScreen}
      <Suspense fallback={<main className="page" aria-busy="true" data-testid="screen-loading" />}>
        {current === 'groups' && <GroupsScreen />}
        {current === 'consular' && <ConsularScreen />}
        {current === 'dashboard' && <DashboardScreen />}
        {current === 'export' && <ExportScreen user={user} />}
        {current === 'rules' && <RulesScreen user={user} />}
        {current === 'users' && <UsersScreen user={user} />}
        {current === 'scanners' && <ScannersScreen />}
        {current === 'admin' && <AdminScreen />}
      </Suspense>
    </>
  );
}
