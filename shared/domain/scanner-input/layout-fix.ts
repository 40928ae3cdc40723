import { err, ok, type Problem, type Result } from '../result';
import { KEYBOARD_LAYOUTS, type KeyLevels, type LayoutId } from './keyboard-layouts';

/**
 * Undo a layout mismatch. A scanner configured for a US keyboard sends the key positions
 * of US characters; a host set to Russian turns them into Cyrillic (`P<UTO` arrives as
 * `ЗБГЕЩ`), a German host swaps Y/Z and punctuation. MRZ (ICAO 9303: A–Z 0–9 <) and HC1
 * (RFC 9285 base45) are pure ASCII, so the text can be mapped back key by key: find each
 * character's key position and level in the layout it was typed with, and read the same
 * position in the layout the scanner assumed.
 */
export interface LayoutRemap {
  readonly text: string;
  /** Characters with no key in the `from` layout (or no character in `to`), left as they were. */
  readonly unmapped: number;
}

type Position = readonly [usage: number, level: keyof KeyLevels];

const reverseCache = new Map<LayoutId, ReadonlyMap<string, Position>>();

function positionsOf(id: LayoutId): ReadonlyMap<string, Position> {
  const cached = reverseCache.get(id);
  if (cached !== undefined) return cached;
  const positions = new Map<string, Position>();
  const levels: readonly (keyof KeyLevels)[] = ['base', 'shift', 'altGr'];
  // Insertion order puts the main block first, so digits map to the top row, not the keypad.
  for (const [usage, entry] of KEYBOARD_LAYOUTS[id].keys) {
    for (const level of levels) {
      const symbol = entry[level];
      if (typeof symbol === 'string' && !positions.has(symbol)) positions.set(symbol, [usage, level]);
    }
  }
  reverseCache.set(id, positions);
  return positions;
}

export function remapLayout(text: string, from: LayoutId, to: LayoutId = 'us'): LayoutRemap {
  if (from === to) return { text, unmapped: 0 };
  const positions = positionsOf(from);
  const target = KEYBOARD_LAYOUTS[to].keys;
  let unmapped = 0;
  let out = '';
  for (const ch of text) {
    const position = positions.get(ch);
    const symbol = position === undefined ? undefined : target.get(position[0])?.[position[1]];
    if (typeof symbol === 'string') {
      out += symbol;
    } else {
      // Newlines, tabs and characters the host layout cannot type stay as they are.
      if (ch !== '\n' && ch !== '\r' && ch !== '\t') unmapped += 1;
      out += ch;
    }
  }
  return { text: out, unmapped };
}

/** Printable ASCII plus line breaks: what an MRZ or HC1 scan must look like. */
export function isScannerAscii(text: string): boolean {
  return /^[\x20-\x7e\r\n\t]*$/.test(text);
}

export interface LayoutFix {
  readonly text: string;
  /** The layout the text had been typed with; undefined when it needed no fix. */
  readonly from: LayoutId | undefined;
}

export interface AutoFixOptions {
  /** What correct text looks like; a domain check (MRZ charset, `HC1:` prefix) is sharper. */
  readonly accept: (text: string) => boolean;
  readonly candidates: readonly LayoutId[];
  readonly to: LayoutId;
}

export type LayoutFixProblem = Problem<'no-layout-fits'>;

/**
 * The OS layouts tried, in order, when the keys' physical codes are unknown. The Cyrillic layouts of the
 * region differ from Russian on a few keys each (kk on the whole digit row, whose digits it types only on
 * the keypad; tg and uz-Cyrl on - = W O S M), so text typed through Russian also maps cleanly through
 * Kazakh, with "/" and "$" misread (Russian "." and ";" sit elsewhere in Kazakh): Russian goes first.
 * A Kazakh text fails Russian on its digit-row letters; one with only the digits 1, 6 and 7 would not —
 * a caller that knows what its text looks like (an MRZ's or HC1's alphabet) passes a sharper `accept`.
 */
export const FALLBACK_LAYOUTS: readonly LayoutId[] = ['ru', 'kk', 'tg', 'uz-Cyrl', 'de', 'fr'];

/**
 * Returns the text unchanged if it is already acceptable, else the first candidate layout
 * whose remapping is. With the default ASCII check only non-Latin layouts (the Cyrillic ones) are
 * detectable; pass an MRZ/HC1-aware `accept` to catch German or French mismatches.
 */
export function autoFixLayout(text: string, options: Partial<AutoFixOptions> = {}): Result<LayoutFix, LayoutFixProblem> {
  const accept = options.accept ?? isScannerAscii;
  const to = options.to ?? 'us';
  if (accept(text)) return ok({ text, from: undefined });
  for (const from of options.candidates ?? FALLBACK_LAYOUTS) {
    if (from === to) continue;
    const remapped = remapLayout(text, from, to);
    if (remapped.unmapped === 0 && accept(remapped.text)) return ok({ text: remapped.text, from });
  }
  return err({ code: 'no-layout-fits', message: 'The scanned text does not match any known keyboard layout mismatch.' });
}
