import 'i18next';
import type en from './locales/en.json';

// Keys are checked by tsc against the English file: a typo in t('lane:…') fails the typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
    returnNull: false;
  }
}
