import type { CoreBootstrap } from '../../shared/app/create-core';

/** The PINs and names the scale benchmark signs in with (six digits, no runs or repeats). */
export const HISTORY_USERS = {
  admin: { username: 'admin', displayName: 'Station admin', role: 'admin', pin: '739251' },
  operator: { username: 'aziza', displayName: 'Aziza', role: 'operator', pin: '482916' },
  lead: { username: 'lead', displayName: 'Shift lead', role: 'shift-lead', pin: '604817' },
  consular: { username: 'consul', displayName: 'Consul', role: 'consular', pin: '573028' },
} as const;

const ZHIBEK = { id: 'ZHIBEK-ZHOLY', name: 'Zhibek Zholy', country: 'KAZ' };
const OYBEK = { id: 'OYBEK', name: 'Oybek', country: 'TJK' };

/** Oybek: the exit end of the corridor from Kazakhstan and the entry end of the way back. */
export const HISTORY_STATION = {
  station: {
    stationId: 'STN-OYB-01',
    checkpoint: OYBEK,
    otherCheckpoints: [ZHIBEK],
    corridors: [
      { id: 'UZ-TRANSIT-KZ-TJ', name: 'Zhibek Zholy → Oybek', entryCheckpointId: ZHIBEK.id, exitCheckpointId: OYBEK.id, expectedTransitMinutes: 240, maxTransitMinutes: 360 },
      { id: 'UZ-TRANSIT-TJ-KZ', name: 'Oybek → Zhibek Zholy', entryCheckpointId: OYBEK.id, exitCheckpointId: ZHIBEK.id, expectedTransitMinutes: 240, maxTransitMinutes: 360 },
    ],
    admin: { username: HISTORY_USERS.admin.username, displayName: HISTORY_USERS.admin.displayName, pin: HISTORY_USERS.admin.pin },
  },
  users: [HISTORY_USERS.operator, HISTORY_USERS.lead, HISTORY_USERS.consular],
} satisfies CoreBootstrap;

export interface HistoryPerson {
  readonly documentNumber: string;
  readonly nationality: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly birthDate: string;
  readonly expiryDate: string;
}

/** 60 roots × 5 endings: 300 surnames, so a surname search finds a realistic share of a big log. */
export const LATIN_ROOTS = [
  'KARIM', 'RAHIM', 'NAZAR', 'SAID', 'JURA', 'SHARIP', 'ODINA', 'MIRZO', 'SAFAR', 'KHOL', 'BOBO', 'ASHUR', 'DAVLAT', 'EMOMALI', 'FAYZUL',
  'GAFUR', 'HAKIM', 'IKROM', 'JALOL', 'KAMOL', 'LATIF', 'MAHMUD', 'NABI', 'OLIM', 'PULOD', 'QODIR', 'RASUL', 'SOBIR', 'TOHIR', 'UMAR',
  'VAHOB', 'YUSUF', 'ZARIF', 'ABDUL', 'BAHROM', 'DILOVAR', 'ERGASH', 'FARHOD', 'GULOM', 'HASAN', 'ISMOIL', 'JAMOL', 'KHURSHED', 'LUTFULL',
  'MUROD', 'NURUL', 'OYBEK', 'PARVIZ', 'QAHHOR', 'RUSTAM', 'SHUHRAT', 'TIMUR', 'ULUGH', 'VALI', 'YORMAT', 'ZOKIR', 'AKBAR', 'BOTIR',
  'DONIYOR', 'ELDOR',
];
export const SURNAME_SUFFIXES = ['OV', 'OVA', 'EV', 'ZODA', 'IY'];
export const LATIN_GIVEN = [
  'ALISHER', 'BEHRUZ', 'DILSHOD', 'FIRDAVS', 'FARRUKH', 'ISMOIL', 'JAMSHED', 'KOMRON', 'MANUCHEHR', 'NAVRUZ', 'PARVIZ', 'RUSTAM', 'SHERZOD',
  'UMED', 'ZAFAR', 'MADINA', 'NILUFAR', 'SITORA', 'ZARINA', 'GULNORA', 'MUNISA', 'SHAHNOZA', 'TAHMINA', 'FARZONA',
];

const TO_CYRILLIC: readonly (readonly [string, string])[] = [
  ['SH', 'Ш'], ['KH', 'Х'], ['ZH', 'Ж'], ['CH', 'Ч'], ['YU', 'Ю'], ['YA', 'Я'], ['YO', 'Ё'],
  ['A', 'А'], ['B', 'Б'], ['D', 'Д'], ['E', 'Е'], ['F', 'Ф'], ['G', 'Г'], ['H', 'Х'], ['I', 'И'], ['J', 'Дж'], ['K', 'К'], ['L', 'Л'],
  ['M', 'М'], ['N', 'Н'], ['O', 'О'], ['P', 'П'], ['Q', 'К'], ['R', 'Р'], ['S', 'С'], ['T', 'Т'], ['U', 'У'], ['V', 'В'], ['Y', 'Й'], ['Z', 'З'],
];

/** A Latin name as a carrier from Russia or Kazakhstan would type it in Cyrillic. */
export function cyrillicOf(latin: string): string {
  let out = '';
  let rest = latin;
  while (rest.length > 0) {
    const pair = TO_CYRILLIC.find(([from]) => rest.startsWith(from));
    if (pair) {
      out += pair[1];
      rest = rest.slice(pair[0].length);
    } else {
      out += rest[0];
      rest = rest.slice(1);
    }
  }
  return out;
}
