/**
 * Byte → text for scanner payloads. Scanners send UTF-8 when the code carries it (QR byte
 * mode, ISO/IEC 18004 §7.4.5, is "ISO 8859-1 by default" but HC1/DCC and most modern
 * encoders write UTF-8); some older readers send ISO 8859-1. We try UTF-8 strictly and
 * fall back to Latin-1, flagging the fallback so the caller can show or log it.
 */
export type TextEncodingUsed = 'utf-8' | 'latin1';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingUsed;
  /** True when the bytes were not valid UTF-8 and were read as ISO 8859-1 instead. */
  readonly latin1Fallback: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeScannerText(bytes: Uint8Array): DecodedText {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8', latin1Fallback: false };
  } catch {
    // TextDecoder('latin1') is windows-1252 per the WHATWG Encoding Standard, not ISO 8859-1,
    // so map bytes to code points ourselves (ISO 8859-1 is exactly U+0000..U+00FF).
    let text = '';
    for (let i = 0; i < bytes.length; i += 1) text += String.fromCharCode(bytes[i] ?? 0);
    return { text, encoding: 'latin1', latin1Fallback: true };
  }
}
