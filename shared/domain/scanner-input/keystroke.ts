/**
 * One key press as the renderer sees it: `key` is the DOM `KeyboardEvent.key` value
 * (UI Events KeyboardEvent key Values: a printable character, or a name such as `Enter`,
 * `Tab`, `Shift`), `timeMs` a monotonic timestamp such as `KeyboardEvent.timeStamp`.
 */
export interface Keystroke {
  readonly key: string;
  readonly timeMs: number;
}

// UI Events key Values §3.2 "Modifier Keys": they change what other keys produce but carry no
// character, and a wedge scanner emits Shift around every capital letter, so they must not
// break or end a burst.
const MODIFIER_KEYS: ReadonlySet<string> = new Set([
  'Alt', 'AltGraph', 'CapsLock', 'Control', 'Fn', 'FnLock', 'Hyper', 'Meta', 'NumLock',
  'OS', 'ScrollLock', 'Shift', 'Super', 'Symbol', 'SymbolLock',
]);

export function isModifierKey(key: string): boolean {
  return MODIFIER_KEYS.has(key);
}

/** A printable key: `key` is exactly one Unicode code point (UI Events key Values §2.1). */
export function isCharacterKey(key: string): boolean {
  if (key.length === 0 || key.length > 2) return false;
  const cp = key.codePointAt(0) ?? 0;
  const single = key.length === 1 || cp > 0xffff;
  return single && cp >= 0x20 && cp !== 0x7f;
}
