import { LaneScreen } from '../features/lane/LaneScreen';
import { ScannersScreen, useScannersShortcut } from '../features/scanners';
import { DisplaySettingsProvider } from '../features/settings';
import { SessionProvider } from '../session';
import { Shell } from './Shell';
import { StatusBar } from './StatusBar';

export function App() {
  // Settings › Scanners opens by F10 in place of the lane: it is set up once per station, not a screen of the navigation bar.
  const [scannersOpen, setScannersOpen] = useScannersShortcut();
  return (
    // One session for the window; large text, high contrast and sound volume of the signed-in operator apply to every screen.
    <SessionProvider>
      <DisplaySettingsProvider>
        <div className="app">
          <StatusBar />
          {/* Sign-in, first-run wizard and the screens of the crossing log; the lane stays the default. */}
          <Shell laneScreen={scannersOpen ? <ScannersScreen onClose={() => setScannersOpen(false)} /> : <LaneScreen />} />
        </div>
      </DisplaySettingsProvider>
    </SessionProvider>
  );
}
