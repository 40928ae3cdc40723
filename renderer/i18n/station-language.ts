import { DEFAULT_LANGUAGE, isUiLanguage, type UiLanguage } from './languages';

// Before anyone signs in, the screen speaks the language last used at this station (this browser profile
// or Electron window). The per-operator choice lives in the core (getUserPreferences).
const KEY = 'checkpoint.station-language';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

const storage = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled: the default language is still usable
  }
};

export function lastStationLanguage(store: Storage | null = storage()): UiLanguage {
  const value = store?.getItem(KEY);
  return isUiLanguage(value) ? value : DEFAULT_LANGUAGE;
}

export function rememberStationLanguage(language: UiLanguage, store: Storage | null = storage()): void {
  try {
    store?.setItem(KEY, language);
  } catch {
    // a full or disabled storage only costs the pre-sign-in default
  }
}
