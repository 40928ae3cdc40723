import { useEffect, useState } from 'react';
import type { Status } from '../../shared/contract';
import { useCore } from '../core-client/core-context';
import { TrustListBadge } from '../features/evidence';
import { ScannerLights } from '../features/scanners';

export function StatusBar() {
  const core = useCore();
  const [status, setStatus] = useState<Status | null>(null);
  const [offline, setOffline] = useState(false);
  const [now, setNow] = useState(() => new Date());

  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      const result = await core.getStatus({});
      if (!alive) return;
      setOffline(!result.ok);
      if (result.ok) setStatus(result.value);
    };
    void refresh();
    // Test-area notifications come with every scanner frame and change nothing shown here.
    const unsubscribe = core.onEvent((event) => {
      if (event.type !== 'scanner-feed') void refresh();
    });
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => {
      alive = false;
      unsubscribe();
      clearInterval(timer);
    };
  }, [core]);

  return (
    <header className="status-bar">
      <span className="status-bar__title">Checkpoint Station</span>
      <span data-testid="station-id">Station {status?.stationId ?? '…'}</span>
      <span>{status ? `${status.database.crossingsTotal} crossings recorded` : ''}</span>
      {status && <TrustListBadge trustList={status.trustList} />}
      <ScannerLights />
      {offline && (
        <span className="status-bar__warning" role="status">
          Core not reachable
        </span>
      )}
      <time className="status-bar__clock" dateTime={now.toISOString()}>
        {now.toLocaleTimeString()}
      </time>
    </header>
  );
}
