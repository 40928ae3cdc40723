/**
 * Byte helpers without Node's Buffer, so that the module also runs in the renderer.
 * Base64 is RFC 4648 §4 through `atob`/`btoa`; `atob` is forgiving-base64 (WHATWG) and
 * ignores ASCII whitespace, which suits PEM bodies and pretty-printed gateway JSON.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `undefined` when the text is not base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * WebCrypto takes `BufferSource`, which TypeScript's DOM types limit to ArrayBuffer-backed
 * views. Our bytes always are (decoders allocate fresh arrays); copy in the odd other case.
 */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}
