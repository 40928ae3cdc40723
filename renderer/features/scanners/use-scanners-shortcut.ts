import { useEffect, useState } from 'react';

/** F10 opens and closes Settings › Scanners, which the navigation bar does not list (it is set up once per station). */
export const SCANNERS_SHORTCUT = 'F10';

export function useScannersShortcut(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== SCANNERS_SHORTCUT) return;
      event.preventDefault();
      setOpen((current) => !current);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return [open, setOpen];
}
