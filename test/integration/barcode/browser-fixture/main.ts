// Test page for test/integration/barcode/browser-wasm.test.ts: PNG → canvas ImageData → worker → decodeBarcodes (or decodeCameraFrame).
interface Decoded {
  readonly wasmUrl: string;
  readonly result: unknown;
}

const worker = new Worker(new URL('./decode-worker.ts', import.meta.url), { type: 'module' });

async function decodePng(base64: string, path: 'still' | 'camera' = 'still'): Promise<Decoded> {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d context');
  context.drawImage(bitmap, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<Decoded>) => resolve(event.data);
    worker.postMessage({ image: { data, width, height }, path }, [data.buffer]);
  });
}

Object.assign(window, { decodePng });
