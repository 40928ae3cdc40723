/** What the first bytes say about an image file, read before any decompression. */
export type ImageHeader =
  | { readonly type: 'png' | 'jpeg'; readonly width: number; readonly height: number }
  | { readonly type: 'png' | 'jpeg'; readonly damaged: string }
  | { readonly type: 'unknown' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Sniffs PNG/JPEG by signature and reads the declared pixel size, so that a decompression bomb
 * (a few KB declaring 100 000 × 100 000 pixels) is refused before a decoder allocates for it.
 */
export function readImageHeader(bytes: Uint8Array): ImageHeader {
  if (PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return pngHeader(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegHeader(bytes);
  return { type: 'unknown' };
}

function pngHeader(bytes: Uint8Array): ImageHeader {
  // The first chunk must be IHDR: length(4) "IHDR"(4) width(4) height(4), right after the signature.
  if (bytes.length < 33 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return { type: 'png', damaged: 'the PNG header (IHDR) is missing or cut off' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
}

function jpegHeader(bytes: Uint8Array): ImageHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return { type: 'jpeg', damaged: `no JPEG marker at byte ${offset}` };
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    // Markers without a length field.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      offset += 2;
      continue;
    }
    const length = view.getUint16(offset + 2);
    // SOF0…SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (offset + 9 > bytes.length) break;
      return { type: 'jpeg', height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    if (marker === 0xda || marker === 0xd9) return { type: 'jpeg', damaged: 'the JPEG has no frame header before its image data' };
    offset += 2 + length;
  }
  return { type: 'jpeg', damaged: 'the JPEG is cut off before its frame header' };
}
