import type { DecodedBarcode } from '../../../shared/domain/barcode';

/** The same code printed twice on a page (or found by two passes) is offered once, in reading order. */
export function uniqueCodes(codes: readonly DecodedBarcode[]): DecodedBarcode[] {
  const seen = new Set<string>();
  return codes.filter((code) => {
    const key = `${code.format}\u0000${code.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A one-line preview of a code's content for the chooser (payloads can be 4 KB). */
export function previewOf(text: string, max = 72): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
