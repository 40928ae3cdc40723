import { describe, expect, it, vi } from 'vitest';
import { BARCODE_FORMATS, decodeBarcodes, type BarcodeFormat } from '../../../../shared/domain/barcode';

// No configureBarcodeWasm here: input checks come first and need no decoder, and without a
// configured .wasm the decoder refuses rather than fetching one. (Real decoding: test/integration/barcode.)
const tiny = { data: new Uint8ClampedArray(4 * 4 * 4).fill(255), width: 4, height: 4 };

describe('decodeBarcodes input checks', () => {
  it('knows exactly the four 2D symbologies of the issue', () => {
    expect(BARCODE_FORMATS).toEqual(['QRCode', 'DataMatrix', 'PDF417', 'Aztec']);
  });

  it('refuses an image above 4096 px a side without reading its (absent) pixels', async () => {
    expect(await decodeBarcodes({ data: new Uint8ClampedArray(0), width: 100_000, height: 100_000 })).toMatchObject({ ok: false, error: { code: 'image-too-large' } });
  });

  it('refuses a buffer shorter or longer than width × height × 4', async () => {
    for (const length of [0, 63, 65, 4 * 4 * 3]) {
      const result = await decodeBarcodes({ data: new Uint8ClampedArray(length), width: 4, height: 4 });
      expect(result, `${length} bytes`).toMatchObject({ ok: false, error: { code: 'invalid-image' } });
    }
  });

  it('refuses unknown formats (options may come from a worker message)', async () => {
    const result = await decodeBarcodes(tiny, { formats: ['QRCode', 'EAN13' as BarcodeFormat] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-options' } });
    if (!result.ok) expect(result.error.message).toMatch(/EAN13/);
  });

  it('without a configured .wasm returns wasm-not-configured instead of fetching one', async () => {
    const fetch = vi.fn(() => Promise.reject(new Error('no network here')));
    vi.stubGlobal('fetch', fetch);
    try {
      expect(await decodeBarcodes(tiny)).toMatchObject({ ok: false, error: { code: 'wasm-not-configured' } });
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
