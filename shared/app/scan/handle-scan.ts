import type { ScanInputSchema, ScanResult, TravelDocument } from '../../contract';
import { draftForDocument, draftForNonDocument, type Draft } from '../../domain/decision';
import { parseMrz, type MrzResult } from '../../domain/mrz';
import { classifyPayload } from '../../domain/payload';
import type { z } from 'zod';
import { DRAFT_TTL_MS, type DraftStore } from './draft-store';

export interface ScanDeps {
  readonly now: () => Date;
  readonly newId: () => string;
  readonly drafts: DraftStore;
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

/** Classifies a raw scan, parses what it can and returns the draft decision the operator confirms. */
export function handleScan(input: z.output<typeof ScanInputSchema>, deps: ScanDeps): ScanResult {
  const receivedAt = deps.now();
  const classification = classifyPayload(input.payload);
  let draft: Draft;
  let document: TravelDocument | undefined;
  let mrzSummary: ScanResult['mrz'];
  if (classification.kind === 'mrz') {
    const mrz = parseMrz(classification.text, { referenceDate: receivedAt });
    draft = draftForDocument(mrz, receivedAt);
    document = documentFrom(mrz);
    if (mrz.readable) {
      mrzSummary = {
        format: mrz.format,
        status: mrz.status,
        problems: mrz.problems.map(({ code, message, field }) => (field === undefined ? { code, message } : { code, message, field })),
        corrections: mrz.corrections.map(({ field, position, from, to }) => ({ field, position, from, to })),
      };
    }
  } else {
    draft = draftForNonDocument(classification.kind);
  }
  const result: ScanResult = {
    scanId: deps.newId(),
    receivedAt: receivedAt.toISOString(),
    expiresAt: new Date(receivedAt.getTime() + DRAFT_TTL_MS).toISOString(),
    source: input.source,
    classification: { kind: classification.kind, stripped: classification.stripped },
    ...(document ? { document } : {}),
    ...(mrzSummary ? { mrz: mrzSummary } : {}),
    draft: { outcome: draft.outcome, recordable: draft.recordable && document !== undefined, reasons: draft.reasons },
  };
  deps.drafts.put({ result, document, expiresAtMs: receivedAt.getTime() + DRAFT_TTL_MS });
  return result;
}
