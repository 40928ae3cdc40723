import { describe, expect, it } from 'vitest';
import { classifyPayload, stripScannerArtefacts } from '../../../../shared/domain/payload';
import { TAJIK_PASSPORT } from '../../../fixtures/mrz/passports';

describe('classifyPayload', () => {
  it.each([
    [TAJIK_PASSPORT.lines.join('\n'), 'mrz'],
    [TAJIK_PASSPORT.lines.join('\r\n'), 'mrz'],
    [TAJIK_PASSPORT.lines.join('^'), 'mrz'],
    ['HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH', 'dcc'],
    ['https://result.lab.example/abc?id=1', 'url'],
    ['http://x.example', 'url'],
    ['Result: negative', 'text'],
    ['Результат: отрицательный', 'text'],
    ['', 'unknown'],
    ['\u0000\u0001\u0002', 'unknown'],
  ])('%j → %s', (payload, kind) => {
    expect(classifyPayload(payload).kind).toBe(kind);
  });

  it('strips an AIM identifier, control characters and trailing line breaks, and says so', () => {
    const result = classifyPayload(']Q1HC1:ABC\u0004\r\n');
    expect(result).toEqual({
      kind: 'dcc',
      text: 'HC1:ABC',
      stripped: ['AIM symbology identifier ]Q1', '1 control character(s)', 'leading/trailing whitespace or line breaks'],
    });
  });

  it('keeps the line breaks inside a multi-line scan', () => {
    expect(stripScannerArtefacts('\uFEFFline1\nline2\n').text).toBe('line1\nline2');
  });
});
