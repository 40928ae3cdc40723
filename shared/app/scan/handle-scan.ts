import type { z } from 'zod';
import type { ScanInputSchema, ScanResult, TravelDocument } from '../../contract';
import { verifyDcc, type RevocationLookup, type TrustList } from '../../domain/dcc';
import { decisionForDocument, decisionForNonDocument } from '../../domain/decision';
import { evidenceFromDcc, evidenceFromOtherQr, otherQrForm, type Evidence } from '../../domain/evidence';
import { parseMrz, type MrzResult } from '../../domain/mrz';
import { classifyPayload, type Classification } from '../../domain/payload';
import type { Direction } from '../../domain/rules';
import { sha256Hex } from '../../node/sha256';
import type { LabResultService } from '../lab-results/lab-result-service';
import type { ResolvedRules } from '../rules/rule-profile-service';
import { JUDGEMENT_TTL_MS, type JudgedTravellers } from './judged-travellers';
import { judgeLaneTraveller } from './judge-lane-traveller';
import { withEvidence, type LaneTraveller, type PassportPart } from './lane-traveller';

export interface ScanDeps {
  readonly now: () => Date;
  readonly newId: () => string;
  readonly travellers: JudgedTravellers;
  /** The trust list to verify certificates against, as stored now. */
  readonly trustList: () => Promise<TrustList>;
  /** The revocation entries to look every certificate up in; undefined before the first import. */
  readonly revocation?: () => RevocationLookup | undefined;
  readonly rules: { resolve(corridorId: string | undefined, direction: Direction, at: Date): ResolvedRules };
  /** Who is signed in at the lane: a traveller left waiting for Enter is listed under their name in the shift report. */
  readonly operatorId?: () => string | null;
  /** Signed lab result lists and the lab-link registry, when the station has them. */
  readonly labResults?: Pick<LabResultService, 'findForPassport' | 'classifyLink'>;
}

function documentFrom(mrz: MrzResult): TravelDocument | undefined {
  if (!mrz.readable || mrz.fields.documentNumber.length === 0) return undefined;
  const f = mrz.fields;
  return {
    format: mrz.format,
    documentCode: f.documentCode,
    issuingState: f.issuingState,
    documentNumber: f.documentNumber,
    nationality: f.nationality,
    surname: f.surname,
    givenNames: f.givenNames,
    birthDate: f.birthDate,
    sex: f.sex,
    expiryDate: f.expiryDate,
  };
}

function mrzSummary(mrz: MrzResult): ScanResult['mrz'] {
  if (!mrz.readable) return undefined;
  return {
    format: mrz.format,
    status: mrz.status,
    problems: mrz.problems.map(({ code, message, field }) => (field === undefined ? { code, message } : { code, message, field })),
    corrections: mrz.corrections.map(({ field, position, from, to }) => ({ field, position, from, to })),
  };
}

/**
 * The traveller open at the lane whom a new scan may join: still judged, not recorded, not expired.
 * Anything else starts a new traveller (the operator moved on, or the judgement went stale).
 */
export function openTraveller(travellers: JudgedTravellers, scanId: string | undefined, now: Date): LaneTraveller | undefined {
  if (scanId === undefined) return undefined;
  const judged = travellers.get(scanId);
  if (!judged?.traveller || judged.recordedCrossingId !== undefined || now.getTime() > judged.expiresAtMs) return undefined;
  return judged.traveller;
}

/** The recorded traveller a certificate scanned right after recording belongs to (still within its judgement's time). */
function recordedTraveller(travellers: JudgedTravellers, scanId: string | undefined, now: Date): { traveller: LaneTraveller; crossingId: string } | undefined {
  if (scanId === undefined) return undefined;
  const judged = travellers.get(scanId);
  if (!judged?.traveller?.passport || judged.recordedCrossingId === undefined || now.getTime() > judged.expiresAtMs) return undefined;
  return { traveller: judged.traveller, crossingId: judged.recordedCrossingId };
}

function newTraveller(deps: ScanDeps, input: { direction?: Direction | undefined; corridorId?: string | undefined }): LaneTraveller {
  return { id: deps.newId(), direction: input.direction ?? 'entry', corridorId: input.corridorId, evidence: [] };
}

/** A joined scan may switch the direction or corridor the operator has chosen since the first scan. */
function continued(tx: LaneTraveller, input: { direction?: Direction | undefined; corridorId?: string | undefined }): LaneTraveller {
  return { ...tx, direction: input.direction ?? tx.direction, corridorId: input.corridorId ?? tx.corridorId };
}

/**
 * Classifies a raw scan, parses what it can and returns the decision the operator confirms.
 * A passport and the certificates shown with it belong to one traveller (either order): each scan that
 * names the open traveller (`joinScanId`) updates their combined decision under the corridor's rules.
 */
export async function handleScan(input: z.output<typeof ScanInputSchema>, deps: ScanDeps): Promise<ScanResult> {
  const receivedAt = deps.now();
  const classification = classifyPayload(input.payload);
  const open = openTraveller(deps.travellers, input.joinScanId, receivedAt);
  const scan = { classification, source: input.source };

  if (classification.kind === 'mrz') {
    const mrz = parseMrz(classification.text, { referenceDate: receivedAt });
    const document = documentFrom(mrz);
    if (!document) return standalone(scan, decisionForDocument(mrz, receivedAt), mrzSummary(mrz), deps, receivedAt);
    const passport: PassportPart = {
      document,
      decision: decisionForDocument(mrz, receivedAt),
      person: { surname: document.surname, givenNames: document.givenNames, birthDate: document.birthDate, ...(mrz.readable ? { birthDateRaw: mrz.fields.birthDateRaw } : {}) },
      mrz: mrzSummary(mrz),
    };
    // A second, different passport is the next traveller; the same one scanned again refreshes the first.
    const joins = open && (!open.passport || sameDocument(open.passport.document, document));
    const tx = joins ? continued(open, input) : newTraveller(deps, input);
    return judgeAndStore(withLabResult({ ...tx, passport }, deps, receivedAt), scan, deps, receivedAt);
  }

  const evidence = await evidenceOf(classification, receivedAt, deps);
  if (evidence) {
    // The certificate of a traveller recorded a moment ago: judged with their passport, offered as an amendment.
    const recorded = open ? undefined : recordedTraveller(deps.travellers, input.joinScanId, receivedAt);
    if (recorded) {
      const tx = withEvidence({ ...continued(recorded.traveller, input), id: deps.newId() }, { evidence });
      return judgeAndStore(tx, scan, deps, receivedAt, recorded.crossingId);
    }
    const tx = open ? continued(open, input) : newTraveller(deps, input);
    return judgeAndStore(withEvidence(tx, { evidence }), scan, deps, receivedAt);
  }

  // Noise while a traveller is open: keep them on screen, with a word about the bad scan.
  const noise = decisionForNonDocument(classification.kind);
  if (open) {
    const result = judgeAndStore(continued(open, input), scan, deps, receivedAt);
    return { ...result, decision: { ...result.decision, reasons: [...noise.reasons.map((r) => ({ ...r, severity: 'warning' as const })), ...result.decision.reasons] } };
  }
  return standalone(scan, noise, undefined, deps, receivedAt);
}

/**
 * The passport's result on the imported lab lists (the mass testing of a bus): a passport scan alone finds it, by
 * document number, else by name and birth date, and it joins the traveller as verified evidence.
 */
function withLabResult(tx: LaneTraveller, deps: ScanDeps, at: Date): LaneTraveller {
  const passport = tx.passport;
  if (!deps.labResults || !passport) return tx;
  const { document, person } = passport;
  const found = deps.labResults.findForPassport({ ...person, documentNumber: document.documentNumber, nationality: document.nationality }, { id: deps.newId(), capturedAt: at });
  return found ? withEvidence(tx, { evidence: found }) : tx;
}

const sameDocument = (a: TravelDocument, b: TravelDocument): boolean => a.documentNumber === b.documentNumber && a.issuingState === b.issuingState;

async function evidenceOf(classification: Classification, at: Date, deps: ScanDeps): Promise<Evidence | undefined> {
  const text = classification.text;
  if (classification.kind === 'dcc') {
    const revocation = deps.revocation?.();
    const verification = await verifyDcc(text, { trustList: await deps.trustList(), at, ...(revocation ? { revocation } : {}) });
    return evidenceFromDcc(verification, { id: deps.newId(), capturedAt: at, payloadSha256: sha256Hex(text) });
  }
  if (classification.kind === 'url' || classification.kind === 'text') {
    const form = otherQrForm(text);
    if (!form) return undefined;
    const captured = { id: deps.newId(), capturedAt: at, payloadSha256: sha256Hex(text) };
    const link = form === 'url' ? deps.labResults?.classifyLink(text, captured) : undefined;
    // A known lab's link whose id is on one of its signed lists is that list's result: verified evidence.
    if (link?.result) return link.result;
    const evidence = evidenceFromOtherQr(text, form, captured);
    return link ? { ...evidence, labLink: link.finding } : evidence;
  }
  return undefined;
}

export interface ScanFacts {
  readonly classification: ScanResult['classification'];
  readonly source: ScanResult['source'];
}

/** A scan that starts no traveller (noise, an unreadable zone): shown, never recordable. */
function standalone(scan: ScanFacts, decision: { outcome: ScanResult['decision']['outcome']; reasons: ScanResult['decision']['reasons'] }, mrz: ScanResult['mrz'], deps: ScanDeps, at: Date): ScanResult {
  const result: ScanResult = {
    scanId: deps.newId(),
    receivedAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + JUDGEMENT_TTL_MS).toISOString(),
    source: scan.source,
    classification: { kind: scan.classification.kind, stripped: scan.classification.stripped },
    ...(mrz ? { mrz } : {}),
    decision: { outcome: decision.outcome, recordable: false, reasons: decision.reasons },
  };
  deps.travellers.put({ result, document: undefined, expiresAtMs: at.getTime() + JUDGEMENT_TTL_MS });
  return result;
}

/** Judges the traveller now and keeps it under its id. */
export function judgeAndStore(tx: LaneTraveller, scan: ScanFacts, deps: ScanDeps, at: Date, amends?: string): ScanResult {
  const result = judgeLaneTraveller(tx, {
    at,
    rules: deps.rules.resolve(tx.corridorId, tx.direction, at),
    classification: { kind: scan.classification.kind, stripped: scan.classification.stripped },
    source: scan.source,
  });
  const answer = amends === undefined ? result : { ...result, amends };
  deps.travellers.put({
    result: answer,
    document: tx.passport?.document,
    expiresAtMs: at.getTime() + JUDGEMENT_TTL_MS,
    traveller: tx,
    operatorId: deps.operatorId?.() ?? null,
    ...(amends === undefined ? {} : { amends }),
  });
  return answer;
}
