import type { ScanResult, TravelDocument } from '../../contract';
import type { Decision } from '../../domain/decision';
import type { Evidence, PassportPerson } from '../../domain/evidence';
import type { Direction } from '../../domain/rules';

/** A traveller's passport: what its MRZ supports alone, and who it names. */
export interface PassportPart {
  readonly document: TravelDocument;
  readonly decision: Decision;
  readonly person: PassportPerson;
  readonly mrz: ScanResult['mrz'];
}

export interface EvidencePart {
  readonly evidence: Evidence;
  /** Photo of a paper certificate, kept until the crossing is recorded. */
  readonly photo?: { readonly bytes: Uint8Array; readonly type: 'image/jpeg' | 'image/png' };
}

/**
 * One traveller at the lane: a passport and the evidence shown with it, scanned in either order.
 * The scans join the traveller through the `scanId` of its first scan, which stays its id, so
 * `recordCrossing({ scanId })` records the combined decision.
 */
export interface LaneTraveller {
  readonly id: string;
  readonly direction: Direction;
  readonly corridorId: string | undefined;
  readonly passport?: PassportPart;
  readonly evidence: readonly EvidencePart[];
}

/** A traveller shows a handful of documents; more than this is a stuck lane, not evidence. */
export const MAX_EVIDENCE_PER_TRAVELLER = 6;

/** Adds or replaces evidence: scanning the same QR twice does not count it twice. */
export function withEvidence(tx: LaneTraveller, part: EvidencePart): LaneTraveller {
  const key = keyOf(part.evidence);
  const others = tx.evidence.filter((e) => keyOf(e.evidence) !== key);
  return { ...tx, evidence: [...others, part].slice(-MAX_EVIDENCE_PER_TRAVELLER) };
}

function keyOf(evidence: Evidence): string {
  return evidence.kind === 'paper-lab' ? `paper:${evidence.certificateNumber}:${evidence.lab}` : `${evidence.kind}:${evidence.payloadSha256}`;
}
