/**
 * Keyboard layouts as maps from HID usage IDs (HID Usage Tables 1.3 §10, Keyboard/Keypad
 * page 0x07) to the characters a host with that layout produces. A wedge or boot-keyboard
 * scanner sends key *positions*; which character comes out depends on the layout the host
 * (or this decoder) applies. Tables follow the Windows layouts of the same name (KBDUS,
 * KBDGR, KBDFR, KBDRU), which Linux xkb `us`, `de`, `fr`, `ru` match for these keys; the
 * layouts of the region follow xkb `kz` (basic), `uz` (cyrillic) and `tj` (basic), which the
 * Windows Kazakh, Uzbek Cyrillic and Tajik layouts (KBDKAZ, KBDUZB, KBDTAJIK) match there.
 */
export type LayoutId = 'us' | 'de' | 'fr' | 'ru' | 'kk' | 'uz-Cyrl' | 'tg';

/** A dead key: produces nothing itself and accents the next character. */
export interface DeadKey {
  readonly dead: string;
}
export type KeySymbol = string | DeadKey;

export interface KeyLevels {
  readonly base?: KeySymbol;
  readonly shift?: KeySymbol;
  readonly altGr?: KeySymbol;
}

export interface KeyboardLayout {
  readonly id: LayoutId;
  readonly name: string;
  readonly keys: ReadonlyMap<number, KeyLevels>;
}

// The 47 character keys of the main block in US order: ` 1–0 - = / q–] \ / a–' / z–/.
// (The unit tests check every layout string has exactly one character per key.)
export const MAIN_BLOCK_USAGES = [
  0x35, 0x1e, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x2d, 0x2e,
  0x14, 0x1a, 0x08, 0x15, 0x17, 0x1c, 0x18, 0x0c, 0x12, 0x13, 0x2f, 0x30, 0x31,
  0x04, 0x16, 0x07, 0x09, 0x0a, 0x0b, 0x0d, 0x0e, 0x0f, 0x33, 0x34,
  0x1d, 0x1b, 0x06, 0x19, 0x05, 0x11, 0x10, 0x36, 0x37, 0x38,
] as const;

/** Marks "no character on this level" inside the row strings below. */
const NONE = '\u0000';

interface LayoutSpec {
  readonly id: LayoutId;
  readonly name: string;
  /** Characters of the 47 main-block keys, unshifted and shifted, in MAIN_BLOCK_USAGES order. */
  readonly base: string;
  readonly shift: string;
  /** Usage 0x32 "Non-US # and ~" and 0x64 "Non-US \ and |" (the ISO key next to left Shift). */
  readonly nonUsHash: readonly [string, string];
  readonly nonUsBackslash: readonly [string, string];
  readonly altGr?: Readonly<Record<number, string>>;
  readonly dead?: readonly (readonly [usage: number, level: keyof KeyLevels])[];
  readonly keypadDecimal: string;
}

function build(spec: LayoutSpec): KeyboardLayout {
  const base = [...spec.base];
  const shift = [...spec.shift];
  const keys = new Map<number, { base?: KeySymbol; shift?: KeySymbol; altGr?: KeySymbol }>();
  const put = (usage: number, level: keyof KeyLevels, symbol: string | undefined): void => {
    if (symbol === undefined || symbol === NONE) return;
    const entry = keys.get(usage) ?? {};
    entry[level] = symbol;
    keys.set(usage, entry);
  };
  MAIN_BLOCK_USAGES.forEach((usage, i) => {
    put(usage, 'base', base[i]);
    put(usage, 'shift', shift[i]);
  });
  put(0x32, 'base', spec.nonUsHash[0]);
  put(0x32, 'shift', spec.nonUsHash[1]);
  put(0x64, 'base', spec.nonUsBackslash[0]);
  put(0x64, 'shift', spec.nonUsBackslash[1]);
  for (const [usage, symbol] of Object.entries(spec.altGr ?? {})) put(Number(usage), 'altGr', symbol);
  put(0x2c, 'base', ' ');
  put(0x2c, 'shift', ' ');
  // Keypad with Num Lock on (§10 usages 0x54–0x63); the decimal key follows the locale.
  const keypad: readonly (readonly [number, string])[] = [
    [0x54, '/'], [0x55, '*'], [0x56, '-'], [0x57, '+'], [0x59, '1'], [0x5a, '2'], [0x5b, '3'], [0x5c, '4'],
    [0x5d, '5'], [0x5e, '6'], [0x5f, '7'], [0x60, '8'], [0x61, '9'], [0x62, '0'], [0x63, spec.keypadDecimal],
  ];
  for (const [usage, symbol] of keypad) {
    put(usage, 'base', symbol);
    put(usage, 'shift', symbol);
  }
  for (const [usage, level] of spec.dead ?? []) {
    const entry = keys.get(usage);
    const symbol = entry?.[level];
    if (entry !== undefined && typeof symbol === 'string') entry[level] = { dead: symbol };
  }
  return { id: spec.id, name: spec.name, keys };
}

export const US_LAYOUT = build({
  id: 'us',
  name: 'English (US)',
  base: "`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./",
  shift: '~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:"ZXCVBNM<>?',
  nonUsHash: ['\\', '|'],
  nonUsBackslash: ['\\', '|'],
  keypadDecimal: '.',
});

export const DE_LAYOUT = build({
  id: 'de',
  name: 'German (QWERTZ)',
  base: '^1234567890ß´qwertzuiopü+#asdfghjklöäyxcvbnm,.-',
  shift: '°!"§$%&/()=?`QWERTZUIOPÜ*\'ASDFGHJKLÖÄYXCVBNM;:_',
  nonUsHash: ['#', "'"],
  nonUsBackslash: ['<', '>'],
  altGr: { 0x1f: '²', 0x20: '³', 0x24: '{', 0x25: '[', 0x26: ']', 0x27: '}', 0x2d: '\\', 0x30: '~', 0x14: '@', 0x08: '€', 0x10: 'µ', 0x64: '|' },
  dead: [[0x35, 'base'], [0x2e, 'base'], [0x2e, 'shift']],
  keypadDecimal: ',',
});

export const FR_LAYOUT = build({
  id: 'fr',
  name: 'French (AZERTY)',
  base: '²&é"\'(-è_çà)=azertyuiop^$*qsdfghjklmùwxcvbn,;:!',
  shift: `${NONE}1234567890°+AZERTYUIOP¨£µQSDFGHJKLM%WXCVBN?./§`,
  nonUsHash: ['*', 'µ'],
  nonUsBackslash: ['<', '>'],
  altGr: { 0x1f: '~', 0x20: '#', 0x21: '{', 0x22: '[', 0x23: '|', 0x24: '`', 0x25: '\\', 0x26: '^', 0x27: '@', 0x2d: ']', 0x2e: '}', 0x30: '¤', 0x08: '€' },
  dead: [[0x2f, 'base'], [0x2f, 'shift'], [0x1f, 'altGr'], [0x24, 'altGr']],
  keypadDecimal: '.',
});

export const RU_LAYOUT = build({
  id: 'ru',
  name: 'Russian (ЙЦУКЕН)',
  base: 'ё1234567890-=йцукенгшщзхъ\\фывапролджэячсмитьбю.',
  shift: 'Ё!"№;%:?*()_+ЙЦУКЕНГШЩЗХЪ/ФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,',
  nonUsHash: ['\\', '/'],
  nonUsBackslash: ['\\', '/'],
  keypadDecimal: ',',
});

// Kazakh (RST KazSSR 903-90): the digit row carries the Kazakh letters, so a US scanner's digits
// arrive as ", ә, і, ң, ғ, ",", "." … and the digits themselves are on the keypad only.
export const KK_LAYOUT = build({
  id: 'kk',
  name: 'Kazakh',
  base: '("әіңғ,.үұқөһйцукенгшщзхъ\\фывапролджэячсмитьбю№',
  shift: ')!ӘІҢҒ;:ҮҰҚӨҺЙЦУКЕНГШЩЗХЪ/ФЫВАПРОЛДЖЭЯЧСМИТЬБЮ?',
  nonUsHash: ['\\', '/'],
  nonUsBackslash: ['<', '>'],
  altGr: { 0x35: 'ё' },
  keypadDecimal: ',',
});

// Uzbek Cyrillic: Russian with ғ ҳ on - =, ў on O and қ on S.
export const UZ_CYRL_LAYOUT = build({
  id: 'uz-Cyrl',
  name: 'Uzbek (Cyrillic)',
  base: 'ё1234567890ғҳйцукенгшўзхъ\\фқвапролджэячсмитьбю.',
  shift: 'Ё!"№;%:?*()ҒҲЙЦУКЕНГШЎЗХЪ|ФҚВАПРОЛДЖЭЯЧСМИТЬБЮ,',
  nonUsHash: ['\\', '|'],
  nonUsBackslash: ['/', '|'],
  keypadDecimal: ',',
});

// Tajik: Russian with ғ ӯ on - = (minus and equals move to AltGr), қ on W, ҳ on O, ҷ on S, ӣ on M.
export const TG_LAYOUT = build({
  id: 'tg',
  name: 'Tajik',
  base: 'ё1234567890ғӯйқукенгшҳзхъ\\фҷвапролджэячсмитӣбю.',
  shift: 'Ё!"№;%:?*()ҒӮЙҚУКЕНГШҲЗХЪ/ФҶВАПРОЛДЖЭЯЧСМИТӢБЮ,',
  nonUsHash: ['\\', '/'],
  nonUsBackslash: ['/', '|'],
  altGr: { 0x1e: '§', 0x1f: '«', 0x23: '–', 0x24: '&', 0x27: '°', 0x2d: '-', 0x2e: '=' },
  keypadDecimal: ',',
});

export const KEYBOARD_LAYOUTS: Readonly<Record<LayoutId, KeyboardLayout>> = {
  us: US_LAYOUT,
  de: DE_LAYOUT,
  fr: FR_LAYOUT,
  ru: RU_LAYOUT,
  kk: KK_LAYOUT,
  'uz-Cyrl': UZ_CYRL_LAYOUT,
  tg: TG_LAYOUT,
};

// Dead-key accents as combining marks, so composition is Unicode canonical composition
// (NFC) rather than a hand-written table: ´+e → é, ^+a → â, ¨+u → ü.
const COMBINING: Readonly<Record<string, string>> = {
  '´': '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '¨': '\u0308',
};

/**
 * What a dead key followed by `next` types: the composed letter when one exists, the bare
 * accent for a following space, otherwise accent and character (as Windows and xkb do).
 */
export function composeDeadKey(accent: string, next: string): string {
  if (next === ' ') return accent;
  const mark = COMBINING[accent];
  if (mark !== undefined) {
    const composed = (next + mark).normalize('NFC');
    if ([...composed].length === 1) return composed;
  }
  return accent + next;
}
