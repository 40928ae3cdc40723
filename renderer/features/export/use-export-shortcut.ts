import { useEffect } from 'react';

/** F7 opens the Export screen from anywhere (the lane keeps F2, F4, F8, F9, F10). */
export const EXPORT_SHORTCUT = 'F7';

export function useExportShortcut(enabled: boolean, open: () => void): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== EXPORT_SHORTCUT || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, open]);
}
