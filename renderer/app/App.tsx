import { LaneScreen } from '../features/lane/LaneScreen';
import { ScannersScreen, useScannersShortcut } from '../features/scanners';
import { DisplaySettingsProvider } from '../features/settings';
import { Shell } from './Shell';
import { StatusBar } from './StatusBar';

export function App() {
  // Settings › Scanners by F10 until the app has navigation between screens.
  const [scannersOpen, setScannersOpen] = useScannersShortcut();
  return (
    // Large text, high contrast and sound volume of the signed-in operator apply to every screen.
    <DisplaySettingsProvider>
      <div className="app">
        <StatusBar />
        {/* Sign-in, first-run wizard and the screens of the crossing log (issue 11); the lane stays the default. */}
        <Shell laneScreen={scannersOpen ? <ScannersScreen onClose={() => setScannersOpen(false)} /> : <LaneScreen />} />
      </div>
    </DisplaySettingsProvider>
  );
}
