import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../core-client/core-context';
import type { CoreError } from '../../shared/contract';
import { DEFAULT_LANGUAGE, isUiLanguage, UI_LANGUAGES, type UiLanguage } from './languages';
import { rememberStationLanguage } from './station-language';

/** Alt+L by physical key (`code`), so it works whichever keyboard layout (Latin or Cyrillic) is active. */
export const LANGUAGE_SHORTCUT = { label: 'Alt+L', code: 'KeyL' } as const;

export const nextLanguage = (current: UiLanguage): UiLanguage => UI_LANGUAGES[(UI_LANGUAGES.indexOf(current) + 1) % UI_LANGUAGES.length]!;

/**
 * The screen's language: the signed-in operator's stored choice (it follows them to any lane), else the
 * language last used at this station. Choosing one applies it at once, remembers it for this station and
 * saves it as the operator's preference.
 */
export function useOperatorLanguage() {
  const core = useCore();
  const { i18n } = useTranslation();
  const [saveError, setSaveError] = useState<CoreError | null>(null);
  const language = isUiLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LANGUAGE;

  const apply = useCallback(
    (next: UiLanguage) => {
      void i18n.changeLanguage(next);
      rememberStationLanguage(next);
      document.documentElement.lang = next;
    },
    [i18n],
  );

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // On sign-in (and at start when someone is signed in already), the operator's own language.
  useEffect(() => {
    let alive = true;
    const load = async () => {
      const who = await core.whoAmI({});
      if (!alive || !who.ok || !who.value.user) return;
      const stored = await core.getUserPreferences({});
      if (alive && stored.ok && stored.value.language) apply(stored.value.language);
    };
    void load();
    const unsubscribe = core.onEvent((event) => {
      if (event.type === 'log-changed' && (event.what === 'session' || event.what === 'setup')) void load();
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [core, apply]);

  const choose = useCallback(
    (next: UiLanguage) => {
      apply(next);
      // Before sign-in there is nobody to save it for: the station remembers it (above).
      void core.saveUserPreferences({ language: next }).then((result) => {
        setSaveError(result.ok || result.error.code === 'unauthenticated' || result.error.code === 'forbidden' ? null : result.error);
      });
    },
    [core, apply],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== LANGUAGE_SHORTCUT.code) return;
      event.preventDefault();
      choose(nextLanguage(language));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [choose, language]);

  return { language, choose, saveError };
}
