import { useEffect, useRef } from 'react';
import { createBarcodeDecoder, type BarcodeDecoder } from './barcode-decoder';

/** One decoder (one worker, started lazily) for as long as the component is mounted. */
export function useBarcodeDecoder(): BarcodeDecoder {
  const decoder = useRef<BarcodeDecoder | null>(null);
  decoder.current ??= createBarcodeDecoder();
  // A disposed decoder restarts its worker on the next decode, so a StrictMode remount is harmless.
  useEffect(() => () => decoder.current?.dispose(), []);
  return decoder.current;
}
