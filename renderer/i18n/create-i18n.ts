import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, type UiLanguage } from './languages';
import { NAMESPACES, RESOURCES } from './resources';

/**
 * One i18next instance for the app, initialised synchronously from the bundled resources (no backend,
 * no flash of keys). A missing string falls back to English, never to a bare key.
 */
export function createI18n(language: UiLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: RESOURCES,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: Object.keys(RESOURCES),
    ns: NAMESPACES,
    defaultNS: 'common',
    initAsync: false,
    returnNull: false,
    returnEmptyString: false,
    // React escapes what it renders; escaping here too would show &amp; to the operator.
    interpolation: { escapeValue: false },
  });
  return instance;
}
