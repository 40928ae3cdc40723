import { prepareZXingModule, purgeZXingModule, ZXING_WASM_SHA256 } from 'zxing-wasm/reader';
import { sha256Hex } from '../export/crypto';
import { err, ok, type Result } from '../result';
import type { BarcodeProblem } from './barcode-problem';

/**
 * Where this host keeps zxing-wasm's `zxing_reader.wasm`. Checkpoints are offline, and the library's
 * default is to fetch the file from a public CDN, so every host must say where its copy is:
 * - a browser or worker passes the URL of the .wasm its bundler emitted as an asset
 *   (Vite: `import url from 'zxing-wasm/reader/zxing_reader.wasm?url'`);
 * - Node passes the file's bytes (see shared/node/barcode/node-barcode-wasm.ts).
 */
export type BarcodeWasmLocator =
  | { readonly kind: 'url'; readonly url: string }
  | {
      readonly kind: 'bytes';
      /** Where the bytes come from (a file path), for error messages. */
      readonly source: string;
      readonly load: () => Uint8Array | ArrayBuffer | Promise<Uint8Array | ArrayBuffer>;
    };

interface WasmState {
  readonly locator: BarcodeWasmLocator;
  compiled: Promise<Result<WebAssembly.Module, BarcodeProblem>> | undefined;
  /**
   * Rejects (with `failure`) if instantiation fails: the library's own promise would then never
   * settle, so a decode races against this one.
   */
  readonly instantiationFailed: Promise<never>;
  failure: Error | undefined;
}

let state: WasmState | undefined;

/** Sets where the .wasm comes from. Call once at host start-up, before the first decode. */
export function configureBarcodeWasm(locator: BarcodeWasmLocator): void {
  let reject: (error: Error) => void = () => undefined;
  const instantiationFailed = new Promise<never>((_, rejectPromise) => {
    reject = rejectPromise;
  });
  instantiationFailed.catch(() => undefined); // observed by decodeBarcodes; never an unhandled rejection
  const current: WasmState = { locator, compiled: undefined, instantiationFailed, failure: undefined };
  const fail = (error: unknown) => {
    current.failure = error instanceof Error ? error : new Error(String(error));
    reject(current.failure);
  };
  state = current;

  // A module instantiated under an earlier configuration must not be reused.
  purgeZXingModule();
  prepareZXingModule({
    overrides: {
      // instantiateWasm below replaces the library's fetch entirely; locateFile is overridden as well
      // so that its default (a CDN URL) is not even computed.
      locateFile: (path: string) => (path.endsWith('.wasm') ? describeLocator(locator) : path),
      instantiateWasm: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => {
        void compiledModule(current)
          .then(async (compiled) => {
            if (!compiled.ok) throw new Error(compiled.error.message);
            done(await WebAssembly.instantiate(compiled.value, imports), compiled.value);
          })
          .catch(fail);
        return {};
      },
    },
  });
}

/**
 * Loads and compiles the .wasm now rather than on the first decode, so a host can report a missing
 * or wrong file at start-up and the first camera frame is not slow.
 */
export async function preloadBarcodeWasm(): Promise<Result<void, BarcodeProblem>> {
  const current = configuredState();
  if (!current.ok) return current;
  const compiled = await compiledModule(current.value);
  return compiled.ok ? ok(undefined) : compiled;
}

export function configuredState(): Result<WasmState, BarcodeProblem> {
  if (state) return ok(state);
  return err({
    code: 'wasm-not-configured',
    message: 'the barcode decoder has no .wasm location: the host must call configureBarcodeWasm() first (it is never fetched from the internet)',
  });
}

/** After a failed load the next decode starts over (the file may have been restored). */
export function resetAfterWasmFailure(failed: WasmState): void {
  if (state === failed) configureBarcodeWasm(failed.locator);
}

function compiledModule(current: WasmState): Promise<Result<WebAssembly.Module, BarcodeProblem>> {
  current.compiled ??= compile(current.locator).then((result) => {
    if (!result.ok) current.compiled = undefined;
    return result;
  });
  return current.compiled;
}

async function compile(locator: BarcodeWasmLocator): Promise<Result<WebAssembly.Module, BarcodeProblem>> {
  const where = describeLocator(locator);
  let bytes: Uint8Array;
  try {
    bytes = toBytes(locator.kind === 'bytes' ? await locator.load() : await fetchBytes(locator.url));
  } catch (error) {
    return err({ code: 'wasm-unavailable', message: `cannot load the barcode decoder from ${where}: ${messageOf(error)}` });
  }
  // Each zxing-wasm release has exactly one matching .wasm; a stale copy fails in odd ways later.
  // WebCrypto exists in Node ≥ 20, Electron and every secure browser context; the check is skipped elsewhere.
  const digest = globalThis.crypto?.subtle ? await sha256Hex(bytes) : undefined;
  if (digest !== undefined && digest !== ZXING_WASM_SHA256) {
    return err({
      code: 'wasm-unavailable',
      message: `the barcode decoder at ${where} is not the build this app expects (SHA-256 ${digest}, expected ${ZXING_WASM_SHA256})`,
    });
  }
  try {
    return ok(await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>));
  } catch (error) {
    return err({ code: 'wasm-unavailable', message: `cannot compile the barcode decoder from ${where}: ${messageOf(error)}` });
  }
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.arrayBuffer();
}


const toBytes = (value: Uint8Array | ArrayBuffer): Uint8Array => (value instanceof Uint8Array ? value : new Uint8Array(value));
const describeLocator = (locator: BarcodeWasmLocator): string => (locator.kind === 'url' ? locator.url : locator.source);
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
