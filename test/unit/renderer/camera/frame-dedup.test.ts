import { describe, expect, it } from 'vitest';
import { BARCODE_FORMATS, type DecodedBarcode } from '../../../../shared/domain/barcode';
import { parseAimIdentifier } from '../../../../shared/domain/scanner-input';
import { aimIdentifierOf } from '../../../../renderer/features/camera/aim-identifier';
import { cameraProblemOf } from '../../../../renderer/features/camera/camera-problem';
import { createFrameDeduplicator } from '../../../../renderer/features/camera/frame-dedup';
import { previewOf, uniqueCodes } from '../../../../renderer/features/camera/unique-codes';

const at = { x: 0, y: 0 };
const code = (text: string, format: DecodedBarcode['format'] = 'QRCode'): DecodedBarcode => ({ text, format, position: { topLeft: at, topRight: at, bottomRight: at, bottomLeft: at } });
const texts = (codes: readonly { text: string }[]) => codes.map((c) => c.text);

describe('camera frame de-duplication', () => {
  it('passes a code once while it stays in view, frame after frame', () => {
    const dedup = createFrameDeduplicator(2500);
    const seen: string[] = [];
    for (let t = 0; t <= 10_000; t += 150) seen.push(...texts(dedup.next([code('HC1:AAA')], t)));
    expect(seen).toEqual(['HC1:AAA']);
  });

  it('is not fooled by a few frames that miss the code (blur, glare)', () => {
    const dedup = createFrameDeduplicator(2500);
    expect(texts(dedup.next([code('HC1:AAA')], 0))).toEqual(['HC1:AAA']);
    expect(dedup.next([], 150)).toEqual([]);
    expect(dedup.next([], 300)).toEqual([]);
    expect(dedup.next([], 2000)).toEqual([]);
    expect(dedup.next([code('HC1:AAA')], 2450)).toEqual([]);
  });

  it('passes the code again after it was out of sight longer than the forget time', () => {
    const dedup = createFrameDeduplicator(2500);
    dedup.next([code('HC1:AAA')], 0);
    dedup.next([code('HC1:AAA')], 1000);
    expect(dedup.next([], 3400)).toEqual([]);
    expect(texts(dedup.next([code('HC1:AAA')], 3600))).toEqual(['HC1:AAA']);
  });

  it('passes a second code that joins the first, and only the new one', () => {
    const dedup = createFrameDeduplicator();
    expect(texts(dedup.next([code('P<TJK…')], 0))).toEqual(['P<TJK…']);
    expect(texts(dedup.next([code('P<TJK…'), code('HC1:BBB')], 150))).toEqual(['HC1:BBB']);
  });

  it('tells the same text in different symbologies apart, and a code twice in one frame counts once', () => {
    const dedup = createFrameDeduplicator();
    expect(dedup.next([code('X123', 'QRCode'), code('X123', 'DataMatrix'), code('X123', 'QRCode')], 0).map((c) => c.format)).toEqual(['QRCode', 'DataMatrix']);
  });

  it('forgets everything on reset (camera closed and opened again)', () => {
    const dedup = createFrameDeduplicator();
    dedup.next([code('HC1:AAA')], 0);
    dedup.reset();
    expect(texts(dedup.next([code('HC1:AAA')], 150))).toEqual(['HC1:AAA']);
  });
});

describe('codes from one picture', () => {
  it('offers each code once, in reading order', () => {
    expect(texts(uniqueCodes([code('A'), code('B'), code('A'), code('A', 'Aztec')]))).toEqual(['A', 'B', 'A']);
  });

  it('previews long payloads on one line', () => {
    expect(previewOf('HC1:' + 'X'.repeat(500), 20)).toBe('HC1:XXXXXXXXXXXXXXX…');
    expect(previewOf('line one\nline two')).toBe('line one line two');
  });
});

describe('camera scans carry a scanner-style AIM identifier', () => {
  it.each(BARCODE_FORMATS)('%s maps to a valid ISO/IEC 15424 identifier of that symbology', (format) => {
    const parsed = parseAimIdentifier(aimIdentifierOf(format));
    expect(parsed.ok).toBe(true);
    const expected = { QRCode: 'qr-code', DataMatrix: 'data-matrix', PDF417: 'pdf417', Aztec: 'aztec' }[format];
    if (parsed.ok) expect(parsed.value.symbology).toBe(expected);
    // The scan contract allows at most 8 characters of symbology.
    expect(aimIdentifierOf(format).length).toBeLessThanOrEqual(8);
  });
});

describe('camera failures as codes the screen words', () => {
  it.each([
    ['NotFoundError', 'no-camera'],
    ['OverconstrainedError', 'no-camera'],
    ['NotAllowedError', 'permission-denied'],
    ['SecurityError', 'permission-denied'],
    ['NotReadableError', 'camera-busy'],
    ['AbortError', 'camera-busy'],
  ])('%s → %s', (name, code) => {
    expect(cameraProblemOf(new DOMException('raw browser text', name))).toEqual({ code });
  });

  it('anything else keeps the browser text so support can tell what happened', () => {
    expect(cameraProblemOf(new TypeError('getUserMedia is not a function'))).toEqual({ code: 'camera-failed', detail: 'TypeError: getUserMedia is not a function' });
    expect(cameraProblemOf('weird')).toEqual({ code: 'camera-failed', detail: 'weird' });
  });
});
