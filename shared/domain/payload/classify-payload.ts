import { looksLikeMrz } from '../mrz';
import type { PayloadKind } from './payload-kind';
import { stripScannerArtefacts } from './strip-artefacts';

export interface Classification {
  readonly kind: PayloadKind;
  /** The payload with scanner artefacts removed: what the parsers receive. */
  readonly text: string;
  readonly stripped: string[];
}

// EU DCC technical specification v1, §3: the QR content starts with the context identifier "HC1:".
const DCC_PREFIX = /^HC1:/i;
const URL = /^https?:\/\/[^\s]+$/i;
// Mostly printable characters: a real text payload, not binary noise from a misconfigured scanner.
const PRINTABLE = /[\p{L}\p{N}\p{P}\p{S}\p{Zs}\n\t]/gu;
// U+FFFD (the replacement character) is what undecodable bytes become, so it counts as noise.
const REPLACEMENT = /\uFFFD/g;

export function classifyPayload(raw: string): Classification {
  const { text, stripped } = stripScannerArtefacts(raw);
  return { kind: kindOf(text), text, stripped };
}

function kindOf(text: string): PayloadKind {
  if (text.length === 0) return 'unknown';
  if (DCC_PREFIX.test(text)) return 'dcc';
  if (URL.test(text)) return 'url';
  if (looksLikeMrz(text)) return 'mrz';
  const printable = (text.match(PRINTABLE)?.length ?? 0) - (text.match(REPLACEMENT)?.length ?? 0);
  return printable / [...text].length >= 0.9 ? 'text' : 'unknown';
}
