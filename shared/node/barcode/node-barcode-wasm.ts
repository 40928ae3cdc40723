import fs from 'node:fs';
import { createRequire } from 'node:module';
import { configureBarcodeWasm, type BarcodeWasmLocator } from '../../domain/barcode';

/** The package export naming the reader-only build (~0.9 MB; the writer is not needed to decode). */
const WASM_SPECIFIER = 'zxing-wasm/reader/zxing_reader.wasm';

/**
 * Path of the .wasm inside node_modules, resolved through zxing-wasm's own `exports` map from this
 * file's location: that works from the TypeScript sources (tests) and from the esbuild bundle in
 * dist/node (dependencies stay external there, so node_modules sits next to it as well).
 */
export function barcodeWasmPath(): string {
  return createRequire(import.meta.url).resolve(WASM_SPECIFIER);
}

export interface NodeBarcodeWasmOptions {
  /** Defaults to the file in node_modules. */
  readonly path?: string;
  /** Defaults to fs.readFileSync; tests pass a spy to prove the bytes come from disk. */
  readonly readFile?: (path: string) => Uint8Array;
}

/** A locator that reads the .wasm from disk on first use: no fetch, no URL, no network. */
export function nodeBarcodeWasmLocator(options: NodeBarcodeWasmOptions = {}): BarcodeWasmLocator {
  const readFile = options.readFile ?? ((path: string) => fs.readFileSync(path));
  let path: string | undefined = options.path;
  return {
    kind: 'bytes',
    get source() {
      return path ?? WASM_SPECIFIER;
    },
    load: () => {
      path ??= barcodeWasmPath();
      return readFile(path);
    },
  };
}

/** Configures the domain decoder for a Node host (CLI, browser host, Electron main, tests). */
export function configureNodeBarcodeWasm(options: NodeBarcodeWasmOptions = {}): void {
  configureBarcodeWasm(nodeBarcodeWasmLocator(options));
}
