import { canonicalJson } from '../canonical-json';
import { publicKeyFingerprint, type SignatureVerifier, webCryptoEd25519 } from '../export';

export const RECEIPT_FORMAT = 'checkpoint-central/receipt';

/**
 * The hub's answer to a stored bundle, signed with the hub's Ed25519 key: the station keeps it as proof
 * that the central side holds this exact bundle (its manifest hash) with this many rows.
 */
export interface BundleReceipt {
  readonly format: typeof RECEIPT_FORMAT;
  readonly version: 1;
  readonly manifestSha256: string;
  readonly stationId: string;
  readonly rows: { readonly crossings: number; readonly alerts: number };
  /** When the hub first stored the bundle (the same in every later answer for it). */
  readonly receivedAt: string;
  readonly hubFingerprint: string;
}

/** What travels: the receipt and a base64 Ed25519 signature over its canonical JSON. */
export interface SignedReceipt {
  readonly receipt: BundleReceipt;
  readonly signature: string;
}

export const receiptBytes = (receipt: BundleReceipt): Uint8Array => new TextEncoder().encode(canonicalJson(receipt));

export type ReceiptCheck = { readonly ok: true; readonly receipt: BundleReceipt } | { readonly ok: false; readonly reason: ReceiptProblem; readonly message: string };
export type ReceiptProblem = 'receipt-malformed' | 'receipt-wrong-hub' | 'receipt-signature-invalid' | 'receipt-other-bundle';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

function receiptShape(value: unknown): BundleReceipt | null {
  if (!isObject(value)) return null;
  const rows = value.rows;
  if (
    value.format !== RECEIPT_FORMAT ||
    value.version !== 1 ||
    typeof value.manifestSha256 !== 'string' ||
    typeof value.stationId !== 'string' ||
    !isObject(rows) ||
    !isCount(rows.crossings) ||
    !isCount(rows.alerts) ||
    typeof value.receivedAt !== 'string' ||
    Number.isNaN(Date.parse(value.receivedAt)) ||
    typeof value.hubFingerprint !== 'string'
  ) {
    return null;
  }
  return {
    format: RECEIPT_FORMAT,
    version: 1,
    manifestSha256: value.manifestSha256,
    stationId: value.stationId,
    rows: { crossings: rows.crossings, alerts: rows.alerts },
    receivedAt: value.receivedAt,
    hubFingerprint: value.hubFingerprint,
  };
}

/**
 * Checks a hub's answer on the station: signed by the configured hub key, for this bundle and this station.
 * Anything else is not an acknowledgement, whatever the HTTP status said.
 */
export async function verifyReceipt(
  answer: unknown,
  expected: { readonly hubPublicKey: string; readonly manifestSha256: string; readonly stationId: string },
  verifier: SignatureVerifier = webCryptoEd25519,
): Promise<ReceiptCheck> {
  const receipt = isObject(answer) ? receiptShape(answer.receipt) : null;
  const signature = isObject(answer) ? answer.signature : undefined;
  if (!receipt || typeof signature !== 'string') return { ok: false, reason: 'receipt-malformed', message: 'the central system answered without a readable receipt' };
  const hubKey = expected.hubPublicKey.replace(/\s+/g, '');
  const fingerprint = await publicKeyFingerprint(hubKey);
  if (fingerprint !== receipt.hubFingerprint) {
    return { ok: false, reason: 'receipt-wrong-hub', message: `the receipt is signed by hub key ${receipt.hubFingerprint.slice(0, 16)}…, not by the configured hub key` };
  }
  if (!(await verifier.verify(hubKey, receiptBytes(receipt), signature))) {
    return { ok: false, reason: 'receipt-signature-invalid', message: 'the receipt signature does not match the configured hub key' };
  }
  if (receipt.manifestSha256 !== expected.manifestSha256 || receipt.stationId !== expected.stationId) {
    return { ok: false, reason: 'receipt-other-bundle', message: 'the receipt is for another bundle or station' };
  }
  return { ok: true, receipt };
}
