import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ZXING_WASM_SHA256 } from 'zxing-wasm/reader';
import { configureBarcodeWasm, decodeBarcodes, preloadBarcodeWasm } from '../../../shared/domain/barcode';
import { barcodeWasmPath, configureNodeBarcodeWasm } from '../../../shared/node/barcode';
import { tempDir } from '../../support/temp-dir';
import { renderSymbol } from './symbols';

// Checkpoints are offline: zxing-wasm must never reach for its default CDN copy of the .wasm.
// Every test here runs with fetch (the only way the library's Emscripten glue loads a .wasm in
// Node) replaced by a spy that throws for anything but a file: URL.
const fetchCalls: string[] = [];
afterEach(() => {
  vi.unstubAllGlobals();
  fetchCalls.length = 0;
});
function forbidNetwork(): void {
  vi.stubGlobal('fetch', (input: unknown) => {
    const url = input instanceof Request ? input.url : String(input);
    fetchCalls.push(url);
    if (url.startsWith('file:')) throw new Error('file: fetch is not expected either');
    throw new Error(`network access attempted: ${url}`);
  });
}

const QR = renderSymbol('QRCode', 'HC1:OFFLINE-CHECK', { moduleSize: 4 });

describe('zxing-wasm in Node', () => {
  it('resolves the reader .wasm inside node_modules/zxing-wasm, and it is the build the library expects', () => {
    const file = barcodeWasmPath();
    expect(file).toBe(path.resolve('node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'));
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(ZXING_WASM_SHA256);
  });

  it('refuses to decode before a host configured the .wasm (no silent CDN fallback)', async () => {
    forbidNetwork();
    const result = await decodeBarcodes(QR);
    expect(result).toMatchObject({ ok: false, error: { code: 'wasm-not-configured' } });
    expect(fetchCalls).toEqual([]);
  });

  it('loads the .wasm from disk, once, and decodes without any network request', async () => {
    forbidNetwork();
    const reads: string[] = [];
    configureNodeBarcodeWasm({
      readFile: (file) => {
        reads.push(file);
        return fs.readFileSync(file);
      },
    });
    expect(reads).toEqual([]); // lazily: nothing is read until the first decode

    const first = await decodeBarcodes(QR);
    const second = await decodeBarcodes(QR);
    expect(first.ok && first.value.map((code) => code.text)).toEqual(['HC1:OFFLINE-CHECK']);
    expect(second.ok && second.value.map((code) => code.text)).toEqual(['HC1:OFFLINE-CHECK']);
    expect(reads).toEqual([barcodeWasmPath()]);
    expect(fetchCalls).toEqual([]);
  });

  it('reports a missing .wasm as a typed error, and recovers once the file is there', async () => {
    forbidNetwork();
    const dir = tempDir();
    const copy = path.join(dir, 'zxing_reader.wasm');
    configureNodeBarcodeWasm({ path: copy });

    const missing = await decodeBarcodes(QR);
    expect(missing).toMatchObject({ ok: false, error: { code: 'wasm-unavailable' } });
    if (!missing.ok) expect(missing.error.message).toContain(copy);

    fs.copyFileSync(barcodeWasmPath(), copy);
    expect(await preloadBarcodeWasm()).toEqual({ ok: true, value: undefined });
    const found = await decodeBarcodes(QR);
    expect(found.ok && found.value.length).toBe(1);
    expect(fetchCalls).toEqual([]);
  });

  it('refuses a .wasm that is not the build this zxing-wasm version was made with', async () => {
    forbidNetwork();
    configureBarcodeWasm({ kind: 'bytes', source: 'a stale copy', load: () => new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]) });
    const result = await decodeBarcodes(QR);
    expect(result).toMatchObject({ ok: false, error: { code: 'wasm-unavailable' } });
    if (!result.ok) expect(result.error.message).toMatch(/a stale copy is not the build this app expects/);
    expect(fetchCalls).toEqual([]);
  });

  it('with a URL locator fetches exactly that URL, never a CDN', async () => {
    forbidNetwork();
    configureBarcodeWasm({ kind: 'url', url: 'http://127.0.0.1:1/assets/zxing_reader-abc123.wasm' });
    const result = await decodeBarcodes(QR);
    expect(result).toMatchObject({ ok: false, error: { code: 'wasm-unavailable' } });
    expect(fetchCalls).toEqual(['http://127.0.0.1:1/assets/zxing_reader-abc123.wasm']);
  });
});
