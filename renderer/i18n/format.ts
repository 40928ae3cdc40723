import { alpha3ToAlpha2, getName, registerLocale } from 'i18n-iso-countries';
import kazakh from 'i18n-iso-countries/langs/kk.json';
import russian from 'i18n-iso-countries/langs/ru.json';
import tajik from 'i18n-iso-countries/langs/tg.json';
import uzbek from 'i18n-iso-countries/langs/uz.json';
import { countryName } from '../../shared/domain/mrz';
import { intlLocale } from './intl-locale';
import type { UiLanguage } from './languages';

type DateInput = Date | string | number;

const toDate = (value: DateInput): Date | null => {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

// Formatters are cached per locale and options: building one is far slower than using it.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(language: UiLanguage, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(intlLocale(language), options)));
  return format;
}
function numberFormat(language: UiLanguage, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${language}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(intlLocale(language), options)));
  return format;
}

// Country names ship with the app: browsers' trimmed ICU has no Kazakh, Uzbek or Tajik region names.
for (const names of [kazakh, russian, tajik, uzbek]) registerLocale(names);

/** ICAO codes for states that are not ISO 3166 alpha-3 (Doc 9303 Part 3): Germany's one-letter code. */
const ICAO_STATE_ALPHA2: Readonly<Record<string, string>> = { D: 'DE' };

// Numeric dates and a 24-hour clock in every language: nothing to misread at 3 a.m., whichever locale
// data the runtime has. `timeZone` is left to the station's clock unless a caller asks for UTC.
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const TIME_SECONDS: Intl.DateTimeFormatOptions = { ...TIME, second: '2-digit' };

export interface FormatOptions {
  /** Show the instant in UTC (documents and certificates state UTC times). */
  utc?: boolean;
}
const zone = (options?: FormatOptions): Intl.DateTimeFormatOptions => (options?.utc ? { timeZone: 'UTC' } : {});

/** The formatting helpers of one language; an unparsable input comes back as written. */
export interface Formatters {
  date(value: DateInput, options?: FormatOptions): string;
  time(value: DateInput, options?: FormatOptions): string;
  timeWithSeconds(value: DateInput, options?: FormatOptions): string;
  dateTime(value: DateInput, options?: FormatOptions): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  percent(fraction: number): string;
  /**
   * A passport's three-letter state code as a country name in this language; English, ICAO's own codes
   * (stateless, refugee, UN, British variants…) and codes without a translation keep the English name of
   * the MRZ table; an unknown code gives null.
   */
  country(code: string): string | null;
}

export function formatters(language: UiLanguage): Formatters {
  const withDate = (options: Intl.DateTimeFormatOptions) => (value: DateInput, extra?: FormatOptions) => {
    const date = toDate(value);
    return date ? dateFormat(language, { ...options, ...zone(extra) }).format(date) : String(value);
  };
  return {
    date: withDate(DATE),
    time: withDate(TIME),
    timeWithSeconds: withDate(TIME_SECONDS),
    dateTime: withDate({ ...DATE, ...TIME }),
    number: (value, options = {}) => numberFormat(language, options).format(value),
    percent: (fraction) => numberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(fraction),
    country: (code) => {
      const alpha2 = language === 'en' ? undefined : (ICAO_STATE_ALPHA2[code] ?? alpha3ToAlpha2(code));
      return (alpha2 && getName(alpha2, language)) || countryName(code);
    },
  };
}
