import type { OtherQrEvidence, OtherQrForm } from './evidence';
import type { CapturedAs } from './dcc-evidence';

const PREVIEW_CHARS = 300;

// SMART Health Cards spec §"Encoding Chunks as QR codes": the QR text starts with "shc:/".
const SHC_PREFIX = /^shc:\//i;
const LINK = /^https?:\/\/[^\s]+$/i;

/**
 * What kind of non-DCC health QR a text is: a lab-result link, a SMART Health Card, JSON from some
 * national app, or `undefined` when it looks like no evidence at all (then the scan is not recognised).
 */
export function otherQrForm(text: string): OtherQrForm | undefined {
  if (SHC_PREFIX.test(text)) return 'shc';
  if (LINK.test(text)) return 'url';
  const trimmed = text.trim();
  if ((trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'))) {
    try {
      JSON.parse(trimmed);
      return 'json';
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function hostOf(text: string): string | undefined {
  try {
    return new URL(text).hostname || undefined;
  } catch {
    return undefined;
  }
}

export function evidenceFromOtherQr(text: string, form: OtherQrForm, captured: CapturedAs): OtherQrEvidence {
  const host = form === 'url' ? hostOf(text) : undefined;
  const chars = [...text];
  return {
    kind: 'other-qr',
    id: captured.id,
    capturedAt: captured.capturedAt.toISOString(),
    payloadSha256: captured.payloadSha256,
    form,
    text: chars.length > PREVIEW_CHARS ? `${chars.slice(0, PREVIEW_CHARS).join('')}…` : text,
    ...(host ? { host } : {}),
  };
}
