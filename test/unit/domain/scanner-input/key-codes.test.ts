import { describe, expect, it } from 'vitest';
import { characterOfKeyCode, KeyCodeMap, remapLayout, usageOfKeyCode, type LayoutId } from '../../../../shared/domain/scanner-input';

/** The UI Events `code` of the key a US-configured scanner presses for `ch` (with Shift or not). */
function codeOf(ch: string): { code: string; shift: boolean } {
  if (/[A-Z]/.test(ch)) return { code: `Key${ch}`, shift: true };
  if (/[0-9]/.test(ch)) return { code: `Digit${ch}`, shift: false };
  const named: Record<string, { code: string; shift: boolean }> = {
    '<': { code: 'Comma', shift: true }, ':': { code: 'Semicolon', shift: true }, ' ': { code: 'Space', shift: false },
    '$': { code: 'Digit4', shift: true }, '%': { code: 'Digit5', shift: true }, '*': { code: 'Digit8', shift: true },
    '+': { code: 'Equal', shift: true }, '-': { code: 'Minus', shift: false }, '.': { code: 'Period', shift: false }, '/': { code: 'Slash', shift: false },
  };
  return named[ch]!;
}

describe('physical key codes', () => {
  it('names the HID usage of each UI Events code, and nothing for keys without a character', () => {
    expect(usageOfKeyCode('KeyA')).toBe(0x04);
    expect(usageOfKeyCode('Digit0')).toBe(0x27);
    expect(usageOfKeyCode('IntlBackslash')).toBe(0x64);
    expect(usageOfKeyCode('')).toBeUndefined();
    expect(usageOfKeyCode('Unidentified')).toBeUndefined();
    expect(characterOfKeyCode('KeyP', true)).toBe('P');
    expect(characterOfKeyCode('Comma', true)).toBe('<');
    expect(characterOfKeyCode('KeyP', true, 'kk')).toBe('З');
    expect(characterOfKeyCode('F5', false)).toBeUndefined();
  });

  it('reads an MRZ and an HC1 text back by the keys that typed them, whatever the OS layout', () => {
    const text = 'P<UTOERIKSSON<<ANNA<MARIA\nL898902C36UTO7408122F1204159\nHC1:NCF$%*+-./: 0';
    for (const layout of ['ru', 'kk', 'uz-Cyrl', 'tg', 'de', 'fr'] as LayoutId[]) {
      const keys = new KeyCodeMap();
      const typed = [...text].map((ch) => {
        if (ch === '\n') return ch;
        const { code, shift } = codeOf(ch);
        const key = characterOfKeyCode(code, shift, layout) ?? remapLayout(ch, 'us', layout).text;
        keys.learn(key, code, shift);
        return key;
      });
      expect(keys.read(typed.join('')), layout).toBe(text);
    }
  });

  it('reads nothing when a character came without a code, and the latest key for a character wins', () => {
    const keys = new KeyCodeMap();
    keys.learn('з', 'KeyP', false);
    keys.learn('.', '', false);
    expect(keys.read('з\n')).toBe('p\n');
    expect(keys.read('з.')).toBeUndefined();
    // Russian '.' is on the Slash key, Kazakh '.' on Digit7: the operator switched layouts.
    keys.learn('.', 'Slash', false);
    keys.learn('.', 'Digit7', false);
    expect(keys.read('.')).toBe('7');
  });
});
