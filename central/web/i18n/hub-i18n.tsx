import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatters, type Formatters } from '../../../renderer/i18n/format';
import { DEFAULT_LANGUAGE, isUiLanguage, type UiLanguage } from '../../../renderer/i18n/languages';
import en from './locales/en.json';
import kk from './locales/kk.json';
import ru from './locales/ru.json';
import tg from './locales/tg.json';
import uz from './locales/uz.json';

/** The hub UI's strings; English is the reference and the fallback for a missing string, never a bare key. */
export type HubMessageKey = keyof typeof en;
const MESSAGES: Record<UiLanguage, Partial<Record<HubMessageKey, string>>> = { en, ru, uz, tg, kk };
export const HUB_MESSAGES = MESSAGES;

export type Translate = (key: HubMessageKey, params?: Readonly<Record<string, string | number>>) => string;

interface HubI18n {
  readonly language: UiLanguage;
  readonly setLanguage: (language: UiLanguage) => void;
  readonly t: Translate;
  readonly format: Formatters;
}

const Context = createContext<HubI18n | null>(null);
const STORAGE_KEY = 'hub.language';

const initialLanguage = (): UiLanguage => {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return isUiLanguage(stored) ? stored : DEFAULT_LANGUAGE;
};

export function translate(language: UiLanguage, key: HubMessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  const text = MESSAGES[language][key] ?? en[key];
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function HubI18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<UiLanguage>(initialLanguage);
  const value = useMemo<HubI18n>(
    () => ({
      language,
      setLanguage: (next) => {
        window.localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLanguage(next);
      },
      t: (key, params) => translate(language, key, params),
      format: formatters(language),
    }),
    [language],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useHubI18n(): HubI18n {
  const value = useContext(Context);
  if (!value) throw new Error('useHubI18n outside HubI18nProvider');
  return value;
}
