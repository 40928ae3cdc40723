import { useCallback, useEffect, useState } from 'react';
import type { CoreError, ScannerFeedEntry, ScannerList } from '../../../shared/contract';
import { useCore } from '../../core-client/core-context';

/** Detected devices, the configuration and live statuses; reloaded when the core reports a change. */
export function useScannerList() {
  const core = useCore();
  const [list, setList] = useState<ScannerList | null>(null);
  const [error, setError] = useState<CoreError | null>(null);

  const reload = useCallback(async () => {
    const result = await core.listScanners({});
    if (result.ok) {
      setList(result.value);
      setError(null);
    } else {
      setError(result.error);
    }
  }, [core]);

  useEffect(() => {
    void reload();
    return core.onEvent((event) => {
      if (event.type !== 'scanner-status') return;
      setList((current) =>
        current && {
          ...current,
          configured: current.configured.map((entry) => (entry.deviceId === event.scanner.deviceId ? { ...entry, status: event.scanner } : entry)),
        },
      );
    });
  }, [core, reload]);

  return { list, error, reload };
}

/** The last raw bytes/text from the devices and how they were framed (admins only: it can hold MRZ text). */
export function useScannerFeed(enabled: boolean, limit = 15) {
  const core = useCore();
  const [entries, setEntries] = useState<ScannerFeedEntry[]>([]);
  useEffect(() => {
    if (!enabled) return undefined;
    let alive = true;
    const refresh = async () => {
      const result = await core.getScannerFeed({ limit });
      if (alive && result.ok) setEntries(result.value.entries);
    };
    void refresh();
    const unsubscribe = core.onEvent((event) => {
      if (event.type === 'scanner-feed') void refresh();
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [core, enabled, limit]);
  return entries;
}
