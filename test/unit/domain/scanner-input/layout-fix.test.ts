import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoFixLayout, decodeKeyboardReports, isScannerAscii, remapLayout, type LayoutId } from '../../../../shared/domain/scanner-input';
import { fromHex, loadFixture } from './fixtures';

interface KeyboardFixture {
  reports: string[];
  expected: { lines: { text: string }[] };
}

const fixture = loadFixture<KeyboardFixture>('hid', 'keyboard-boot-mrz-td3');
const TD3 = fixture.expected.lines.map((line) => line.text).join('\n');
/** What a host with `layout` makes of a US-configured scanner sending the TD3 specimen. */
const seenWith = (layout: LayoutId): string =>
  decodeKeyboardReports(fixture.reports.map(fromHex), { layout }).lines.map((line) => line.text).join('\n');

const MRZ = (text: string): boolean => /^[A-Z0-9<\n]+$/.test(text);
const HC1 = 'HC1:NCFJ80.20FFWTWGVLKI89G-C.AQH 7DCOX*4L6B3XK2F3MPI8242F3MAI324/IC6TAY50.FK NK..DT%D$PC5$CUZCY$5Y$527BPI7E0';

describe('layout mismatch fix', () => {
  it('turns a Russian-layout MRZ back into ASCII', () => {
    const cyrillic = seenWith('ru');
    expect(cyrillic.startsWith('ЗБГЕЩУКШЛЫЫЩТББФТТФБЬФКШФ')).toBe(true);
    expect(remapLayout(cyrillic, 'ru')).toEqual({ text: TD3, unmapped: 0 });
    expect(autoFixLayout(cyrillic)).toEqual({ ok: true, value: { text: TD3, from: 'ru' } });
  });

  it('fixes German and French mismatches when told what an MRZ looks like', () => {
    const german = seenWith('de');
    expect(german.slice(0, 5)).toBe('P;UTO');
    // Plain ASCII passes the default check: a Latin-layout mismatch needs a domain-aware one.
    expect(autoFixLayout(german)).toEqual({ ok: true, value: { text: german, from: undefined } });
    expect(autoFixLayout(german, { accept: MRZ })).toEqual({ ok: true, value: { text: TD3, from: 'de' } });
    const french = seenWith('fr');
    expect(french.slice(0, 5)).toBe('P.UTO');
    expect(autoFixLayout(french, { accept: MRZ })).toEqual({ ok: true, value: { text: TD3, from: 'fr' } });
  });

  it('leaves acceptable text alone and reports when nothing fits', () => {
    expect(autoFixLayout(TD3)).toEqual({ ok: true, value: { text: TD3, from: undefined } });
    const none = autoFixLayout('漢字');
    expect(!none.ok && none.error.code).toBe('no-layout-fits');
  });

  it('counts characters the source layout cannot type', () => {
    expect(remapLayout('Р漢\n', 'ru')).toEqual({ text: 'H漢\n', unmapped: 1 });
    expect(remapLayout('abc', 'us', 'us')).toEqual({ text: 'abc', unmapped: 0 });
  });

  it('round-trips the MRZ and HC1 alphabets through every layout', () => {
    const alphabet = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<$%*+-./: '];
    fc.assert(
      fc.property(fc.constantFrom<LayoutId>('de', 'fr', 'ru'), fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 60 }), (layout, text) => {
        // US "+" is Shift+"=", which is the dead grave accent on a German host: not recoverable.
        fc.pre(!(layout === 'de' && text.includes('+')));
        const typed = remapLayout(text, 'us', layout);
        expect(typed.unmapped).toBe(0);
        expect(remapLayout(typed.text, layout, 'us')).toEqual({ text, unmapped: 0 });
      }),
      { numRuns: 200 },
    );
    expect(remapLayout(remapLayout(HC1, 'us', 'ru').text, 'ru').text).toBe(HC1);
    expect(remapLayout('+', 'us', 'de')).toEqual({ text: '+', unmapped: 1 });
    expect(isScannerAscii(HC1)).toBe(true);
  });
});
