import { useEffect, useState } from 'react';

/** F10 opens and closes Settings › Scanners over the lane, for whoever may see it (`enabled`); for others F10 does nothing. */
export const SCANNERS_SHORTCUT = 'F10';

export function useScannersShortcut(enabled: boolean): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== SCANNERS_SHORTCUT) return;
      event.preventDefault();
      setOpen((current) => !current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
  return [open && enabled, setOpen];
}
