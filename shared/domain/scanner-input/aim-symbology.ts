import { err, ok, type Problem, type Result } from '../result';

/**
 * AIM symbology identifiers, ISO/IEC 15424:2008 ("Data Carrier Identifiers"): the flag
 * character `]`, a code character naming the symbology (Table 1), then one modifier
 * character — except System Expansion `]Y`, whose first modifier is a digit n followed by n
 * more. Scanners prepend them when "transmit AIM ID" is on; HID POS scanners may also send
 * them in the Symbology Identifier 1–3 fields (HID POS Usage Tables 1.02, usages 0xFB–0xFD).
 */
export type AimSymbology =
  | 'code-39' | 'telepen' | 'code-128' | 'code-one' | 'ean-upc' | 'codabar' | 'code-93' | 'code-11'
  | 'itf' | 'code-16k' | 'pdf417' | 'msi' | 'anker' | 'codablock' | 'plessey' | 'qr-code'
  | 'straight-2-of-5-2bar' | 'straight-2-of-5-3bar' | 'code-49' | 'maxicode' | 'other-barcode'
  | 'system-expansion' | 'non-barcode' | 'channel-code' | 'data-matrix' | 'gs1-databar' | 'ocr'
  | 'posicode' | 'supercode' | 'aztec';

export interface AimIdentifier {
  /** The identifier exactly as transmitted, e.g. `]Q1`. */
  readonly raw: string;
  readonly code: string;
  readonly modifier: string;
  readonly symbology: AimSymbology;
  /** Human name of the symbology family, e.g. "QR Code". */
  readonly name: string;
  /** What the modifier says, where the symbology standard defines it, e.g. "Model 2". */
  readonly variant?: string;
}

export type AimProblemCode = 'not-aim' | 'unknown-code' | 'bad-modifier';
export type AimProblem = Problem<AimProblemCode>;

// ISO/IEC 15424:2008 Table 1.
const CODES: Readonly<Record<string, readonly [AimSymbology, string]>> = {
  A: ['code-39', 'Code 39'],
  B: ['telepen', 'Telepen'],
  C: ['code-128', 'Code 128'],
  D: ['code-one', 'Code One'],
  E: ['ean-upc', 'EAN/UPC'],
  F: ['codabar', 'Codabar'],
  G: ['code-93', 'Code 93'],
  H: ['code-11', 'Code 11'],
  I: ['itf', 'Interleaved 2 of 5'],
  K: ['code-16k', 'Code 16K'],
  L: ['pdf417', 'PDF417'],
  M: ['msi', 'MSI'],
  N: ['anker', 'Anker'],
  O: ['codablock', 'Codablock'],
  P: ['plessey', 'Plessey'],
  Q: ['qr-code', 'QR Code'],
  R: ['straight-2-of-5-2bar', 'Straight 2 of 5 (2-bar start/stop)'],
  S: ['straight-2-of-5-3bar', 'Straight 2 of 5 (3-bar start/stop)'],
  T: ['code-49', 'Code 49'],
  U: ['maxicode', 'MaxiCode'],
  X: ['other-barcode', 'Other barcode'],
  Y: ['system-expansion', 'System expansion'],
  Z: ['non-barcode', 'Non-barcode'],
  c: ['channel-code', 'Channel Code'],
  d: ['data-matrix', 'Data Matrix'],
  e: ['gs1-databar', 'GS1 DataBar / Composite'],
  o: ['ocr', 'OCR'],
  p: ['posicode', 'PosiCode'],
  s: ['supercode', 'SuperCode'],
  z: ['aztec', 'Aztec Code'],
};

// Modifier meanings from the symbology standards: Code 128 ISO/IEC 15417 Annex F,
// EAN/UPC ISO/IEC 15420 Annex, QR ISO/IEC 18004:2015 §12.4 / Table 23, Data Matrix
// ISO/IEC 16022:2006 Annex N. Only the ones a checkpoint meets are listed.
const VARIANTS: Readonly<Record<string, string>> = {
  C0: 'Code 128',
  C1: 'GS1-128 (FNC1 in first position)',
  C2: 'Code 128 (FNC1 in second position)',
  C4: 'Code 128 (ISBT 128 concatenation)',
  E0: 'EAN-13 / UPC-A / UPC-E',
  E1: 'EAN/UPC two-digit add-on',
  E2: 'EAN/UPC five-digit add-on',
  E3: 'EAN-13 with add-on',
  E4: 'EAN-8',
  Q0: 'Model 1',
  Q1: 'Model 2',
  Q2: 'Model 2, ECI',
  Q3: 'GS1 QR Code',
  Q4: 'GS1 QR Code, ECI',
  Q5: 'Model 2, FNC1 in second position',
  Q6: 'Model 2, FNC1 in second position, ECI',
  d0: 'ECC 000-140',
  d1: 'ECC 200',
  d2: 'GS1 DataMatrix',
  d3: 'ECC 200, FNC1 in second position',
  d4: 'ECC 200, ECI',
  d5: 'GS1 DataMatrix, ECI',
  d6: 'ECC 200, FNC1 in second position, ECI',
};

const MODIFIER_CHAR = /^[0-9A-Za-z]$/;

/** Length of the AIM identifier at the start of `text` (0 when there is none). */
function identifierLength(text: string): number {
  if (text[0] !== ']' || text.length < 3) return 0;
  if (text[1] !== 'Y') return 3;
  const n = text.charCodeAt(2) - 0x30;
  return n >= 0 && n <= 9 ? 3 + n : 0;
}

function build(raw: string): Result<AimIdentifier, AimProblem> {
  const code = raw[1] ?? '';
  const entry = CODES[code];
  if (entry === undefined) return err({ code: 'unknown-code', message: `"${code}" is not an ISO/IEC 15424 code character.` });
  const modifier = raw.slice(2);
  if (modifier.length === 0 || ![...modifier].every((ch) => MODIFIER_CHAR.test(ch))) {
    return err({ code: 'bad-modifier', message: `"${modifier}" is not a valid AIM modifier.` });
  }
  const variant = VARIANTS[code + modifier];
  const [symbology, name] = entry;
  return ok({ raw, code, modifier, symbology, name, ...(variant === undefined ? {} : { variant }) });
}

/** Parses a complete identifier such as `]d2` (nothing before or after it). */
export function parseAimIdentifier(id: string): Result<AimIdentifier, AimProblem> {
  const length = identifierLength(id);
  if (length === 0 || length !== id.length) {
    return err({ code: 'not-aim', message: `"${id}" is not an AIM symbology identifier.` });
  }
  return build(id);
}

export interface AimSplit {
  readonly aim: AimIdentifier | undefined;
  /** The payload with the identifier removed (unchanged when there was none). */
  readonly data: string;
}

/**
 * Strips a leading AIM identifier. Only known code characters count, so a payload that
 * merely starts with `]` is left alone.
 */
export function stripAimPrefix(text: string): AimSplit {
  const length = identifierLength(text);
  if (length === 0 || text.length < length) return { aim: undefined, data: text };
  const parsed = build(text.slice(0, length));
  return parsed.ok ? { aim: parsed.value, data: text.slice(length) } : { aim: undefined, data: text };
}

/** "QR Code (Model 2)" for `]Q1`; undefined for anything that is not an AIM identifier. */
export function describeAimIdentifier(id: string): string | undefined {
  const parsed = parseAimIdentifier(id);
  if (!parsed.ok) return undefined;
  const { name, variant } = parsed.value;
  return variant === undefined || variant === name ? name : `${name} (${variant})`;
}
