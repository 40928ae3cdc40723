import { describe, expect, it } from 'vitest';
import { SCAN_SOURCES, createScanEvent, decodeScannerText, isScanSource } from '../../../../shared/domain/scanner-input';

describe('ScanEvent', () => {
  const base = { payload: 'HC1:NCFJ80', source: 'hid-pos', receivedAt: '2026-03-01T08:15:00.120+01:00', deviceId: 'hid:0c2e:0b8f' };

  it('normalises the timestamp to UTC ISO and keeps the symbology', () => {
    expect(createScanEvent({ ...base, symbology: ']Q1' })).toEqual({
      ok: true,
      value: { payload: 'HC1:NCFJ80', source: 'hid-pos', symbology: ']Q1', receivedAt: '2026-03-01T07:15:00.120Z', deviceId: 'hid:0c2e:0b8f' },
    });
    const fromDate = createScanEvent({ ...base, source: 'wedge', receivedAt: new Date(Date.UTC(2026, 2, 1)) });
    expect(fromDate.ok && fromDate.value).toEqual({ payload: 'HC1:NCFJ80', source: 'wedge', receivedAt: '2026-03-01T00:00:00.000Z', deviceId: 'hid:0c2e:0b8f' });
  });

  it('rejects bad input as values', () => {
    const code = (input: Parameters<typeof createScanEvent>[0]): string | undefined => {
      const result = createScanEvent(input);
      return result.ok ? undefined : result.error.code;
    };
    expect(code({ ...base, payload: '' })).toBe('empty-payload');
    expect(code({ ...base, source: 'bluetooth' })).toBe('unknown-source');
    expect(code({ ...base, deviceId: ' ' })).toBe('empty-device-id');
    expect(code({ ...base, receivedAt: 'yesterday' })).toBe('bad-timestamp');
    expect(code({ ...base, receivedAt: new Date(Number.NaN) })).toBe('bad-timestamp');
    expect(code({ ...base, symbology: 'Q1' })).toBe('bad-symbology');
  });

  it('lists every source a scan can come from', () => {
    expect(SCAN_SOURCES).toEqual(['wedge', 'hid-keyboard', 'hid-pos', 'serial', 'camera', 'image', 'paste', 'manual']);
    expect(isScanSource('camera')).toBe(true);
    expect(isScanSource('Camera')).toBe(false);
  });
});

describe('decodeScannerText', () => {
  it('reads UTF-8, and ISO 8859-1 (not windows-1252) when UTF-8 is invalid', () => {
    expect(decodeScannerText(new Uint8Array([0x48, 0xc3, 0xa9]))).toEqual({ text: 'Hé', encoding: 'utf-8', latin1Fallback: false });
    // 0x80 is U+0080 in ISO 8859-1 but "€" in windows-1252.
    expect(decodeScannerText(new Uint8Array([0x80, 0xe9]))).toEqual({ text: '\u0080é', encoding: 'latin1', latin1Fallback: true });
  });
});
