// Cheap test used by payload classification: is this scanned text meant to be an MRZ? It must accept OCR-garbled
// zones (so the parser can name what is wrong) and reject QR payloads such as `HC1:` certificates and URLs.

const TOLERANCE = 2;
const SINGLE_LINE = [72, 88, 90] as const;

const near = (n: number, target: number): boolean => Math.abs(n - target) <= TOLERANCE;

/** Share of characters in the MRZ alphabet, counting spaces as misread fillers. */
function mrzShare(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 60 || c === 32) n++;
  }
  return line.length === 0 ? 0 : n / line.length;
}

/**
 * True for 2–3 lines (separated by line breaks or `^`) of roughly 30, 36 or 44 characters that are mostly
 * A–Z, 0–9 and `<`, with fillers present; also one unbroken line of two or three MRZ lines. Lengths may be off by
 * two and a few characters may be foreign, so a badly read passport still classifies as an MRZ.
 */
export function looksLikeMrz(text: string): boolean {
  if (typeof text !== 'string' || text.length < 50 || text.length > 400) return false;
  const upper = text.toUpperCase();
  if (!upper.includes('<')) return false;
  const lines = upper
    .split(/\r\n|\r|\n|\^/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 1) {
    const only = lines[0]!.replace(/\s+/g, '');
    return SINGLE_LINE.some((l) => near(only.length, l)) && mrzShare(only) >= 0.95 && (only.match(/</g)?.length ?? 0) >= 2;
  }
  if (lines.length < 2 || lines.length > 3) return false;
  const targets = lines.length === 3 ? [30] : [36, 44];
  if (!targets.some((t) => lines.every((l) => near(l.length, t)))) return false;
  return lines.every((l) => mrzShare(l) >= 0.9);
}
