import { LaneScreen } from '../features/lane/LaneScreen';
import { StatusBar } from './StatusBar';

export function App() {
  return (
    <div className="app">
      <StatusBar />
      <LaneScreen />
    </div>
  );
}
