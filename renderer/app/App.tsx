import { roleMay } from '../../shared/domain/auth';
import { LaneScreen } from '../features/lane/LaneScreen';
import { ScannersScreen, useScannersShortcut } from '../features/scanners';
import { DisplaySettingsProvider } from '../features/settings';
import { SessionProvider, useSignedInUser } from '../session';
import { Shell } from './Shell';
import { StatusBar } from './StatusBar';

/** The lane, or Settings › Scanners in its place while F10 has it open (for the roles that may see the scanners). */
function LaneOrScanners() {
  const [scannersOpen, setScannersOpen] = useScannersShortcut(roleMay(useSignedInUser().role, 'listScanners'));
  return scannersOpen ? <ScannersScreen onClose={() => setScannersOpen(false)} /> : <LaneScreen />;
}

export function App() {
  return (
    // One session for the window; large text, high contrast and sound volume of the signed-in operator apply to every screen.
    <SessionProvider>
      <DisplaySettingsProvider>
        <div className="app">
          <StatusBar />
          {/* Sign-in, first-run wizard and the screens of the crossing log; the lane stays the default. */}
          <Shell laneScreen={<LaneOrScanners />} />
        </div>
      </DisplaySettingsProvider>
    </SessionProvider>
  );
}
