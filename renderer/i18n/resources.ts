import en from './locales/en.json';
import kk from './locales/kk.json';
import ru from './locales/ru.json';
import tg from './locales/tg.json';
import uz from './locales/uz.json';
import type { UiLanguage } from './languages';

/** Every language's strings, bundled: the station works offline, nothing is fetched. English is the reference. */
export const RESOURCES: Record<UiLanguage, typeof en> = { en, ru, uz, tg, kk };

/** Namespaces are the top-level keys of each locale file: one per screen or feature, plus `common`. */
export type Namespace = keyof typeof en;
export const NAMESPACES = Object.keys(en) as Namespace[];
