import { useEffect, useState } from 'react';
import { useCore } from '../../core-client/core-context';

export interface ExportProgressState {
  readonly phase: 'crossings' | 'alerts' | 'packing' | 'done';
  readonly done: number;
  readonly total: number;
}

/** The core's export-progress events while a bundle is written (the core emits one per page of rows). */
export function useExportProgress(): [ExportProgressState | null, () => void] {
  const core = useCore();
  const [progress, setProgress] = useState<ExportProgressState | null>(null);
  useEffect(
    () =>
      core.onEvent((event) => {
        if (event.type === 'export-progress') setProgress({ phase: event.phase, done: event.done, total: event.total });
      }),
    [core],
  );
  return [progress, () => setProgress(null)];
}
