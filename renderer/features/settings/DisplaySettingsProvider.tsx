import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useCore } from '../../core-client/core-context';
import type { CoreError } from '../../../shared/contract';
import { applyDisplay, DEFAULT_DISPLAY, displayOf, nextVolume, type DisplaySettings } from './display-settings';
import '../../styles/themes.css';

interface DisplayContextValue extends DisplaySettings {
  /** Saves the change as the signed-in operator's preference (it follows them to any lane). */
  readonly update: (change: Partial<DisplaySettings>) => void;
  /** Why the last save failed, in words; null when it worked. */
  readonly saveError: CoreError | null;
}

const DisplayContext = createContext<DisplayContextValue>({ ...DEFAULT_DISPLAY, update: () => undefined, saveError: null });

export const useDisplaySettings = (): DisplayContextValue => useContext(DisplayContext);

/** Shortcuts by physical key (`code`), so they work whatever keyboard layout (Latin or Cyrillic) is active. */
export const DISPLAY_SHORTCUTS = { largeText: 'Alt+T', highContrast: 'Alt+H', volume: 'Alt+M' } as const;

/**
 * Large text, high contrast and sound volume of the signed-in operator, from the core's user preferences;
 * the defaults before sign-in. Applied as classes on <html> (themes.css).
 */
export function DisplaySettingsProvider({ children }: { children: ReactNode }) {
  const core = useCore();
  const [settings, setSettings] = useState<DisplaySettings>(DEFAULT_DISPLAY);
  const [saveError, setSaveError] = useState<CoreError | null>(null);
  // Changes made while the stored preferences are still loading win over what arrives.
  const pending = useRef<Partial<DisplaySettings>>({});

  useEffect(() => {
    let alive = true;
    const load = async () => {
      pending.current = {};
      const who = await core.whoAmI({});
      if (!alive) return;
      if (!who.ok || !who.value.user) {
        setSettings(DEFAULT_DISPLAY);
        return;
      }
      const stored = await core.getUserPreferences({});
      if (alive && stored.ok) setSettings({ ...displayOf(stored.value), ...pending.current });
    };
    void load();
    const unsubscribe = core.onEvent((event) => {
      if (event.type === 'log-changed' && (event.what === 'session' || event.what === 'setup')) void load();
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [core]);

  useEffect(() => applyDisplay(document.documentElement, settings), [settings]);

  const update = useCallback(
    (change: Partial<DisplaySettings>) => {
      // Shown at once; saved for the operator in the background (before sign-in it only lasts this session).
      pending.current = { ...pending.current, ...change };
      setSettings((current) => ({ ...current, ...change }));
      void core.saveUserPreferences(change).then((result) => setSaveError(result.ok || result.error.code === 'forbidden' || result.error.code === 'unauthenticated' ? null : result.error));
    },
    [core],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.code === 'KeyT') update({ largeText: !settings.largeText });
      else if (event.code === 'KeyH') update({ highContrast: !settings.highContrast });
      else if (event.code === 'KeyM') update({ volume: nextVolume(settings.volume) });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [settings, update]);

  const value = useMemo(() => ({ ...settings, update, saveError }), [settings, update, saveError]);
  return <DisplayContext.Provider value={value}>{children}</DisplayContext.Provider>;
}
