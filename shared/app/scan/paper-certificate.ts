import type { z } from 'zod';
import type { AddPaperCertificateInputSchema, ScanResult } from '../../contract';
import { base64ToBytes } from '../../domain/dcc';
import { labSampleInstant, labTimeZone, type CertificateHolder, type PaperLabEvidence } from '../../domain/evidence';
import { isoDateOf, readTypedDate } from '../../domain/typed-date';
import { CoreFailure } from '../../contract';
import { judgeAndStore, openTraveller, type ScanDeps } from './handle-scan';
import { withEvidence, type LaneTraveller } from './lane-traveller';

/**
 * A paper lab certificate keyed in by the operator joins the traveller open at the lane like a scan.
 * It cannot be verified offline, so the profile decides whether it is ever enough on its own.
 */
export function addPaperCertificate(input: z.output<typeof AddPaperCertificateInputSchema>, deps: ScanDeps): ScanResult {
  const at = deps.now();
  const open = openTraveller(deps.travellers, input.joinScanId, at);
  const evidence: PaperLabEvidence = {
    kind: 'paper-lab',
    id: deps.newId(),
    capturedAt: at.toISOString(),
    lab: input.lab,
    testKind: input.testType,
    sampleTime: sampleInstant(input),
    result: input.result,
    certificateNumber: input.certificateNumber,
    hasPhoto: input.photo !== undefined,
    ...holderOf(input),
  };
  const tx: LaneTraveller = open
    ? { ...open, direction: input.direction ?? open.direction, corridorId: input.corridorId ?? open.corridorId }
    : { id: deps.newId(), direction: input.direction ?? 'entry', corridorId: input.corridorId, evidence: [] };
  const photoBytes = input.photo ? base64ToBytes(input.photo.base64) : undefined;
  const photo = input.photo && photoBytes ? { bytes: photoBytes, type: input.photo.type } : undefined;
  const previous = open ? deps.travellers.get(open.id)?.result : undefined;
  // The screen keeps showing what the last scan was; a form entry is no scan of its own.
  const scan = previous
    ? { classification: previous.classification, source: previous.source }
    : { classification: { kind: 'text' as const, stripped: [] }, source: 'manual' as const };
  return judgeAndStore(withEvidence(tx, { evidence, ...(photo ? { photo } : {}) }), scan, deps, at);
}

/** The sample instant: given as one, or read as printed on the lab's clock (its zone, else its country's), never the PC's. */
function sampleInstant(input: z.output<typeof AddPaperCertificateInputSchema>): string {
  if (input.sampleTime !== undefined) return input.sampleTime;
  const zone = labTimeZone(input.labCountry, input.labTimeZone);
  if (zone === undefined) throw new CoreFailure('invalid-input', 'core.invalidInput', { field: 'labTimeZone' });
  const instant = labSampleInstant(input.sampleTimeAsPrinted ?? '', zone);
  if (instant === undefined) throw new CoreFailure('invalid-input', 'core.invalidInput', { field: 'sampleTimeAsPrinted' });
  return instant.toISOString();
}

/** The name and birth date as printed, when keyed in; a birth date that is not a date is refused, not dropped. */
function holderOf(input: z.output<typeof AddPaperCertificateInputSchema>): { holder?: CertificateHolder } {
  if (input.holderSurname === undefined && input.holderGivenNames === undefined && input.holderBirthDate === undefined) return {};
  let birthDate = '';
  if (input.holderBirthDate !== undefined) {
    const typed = readTypedDate(input.holderBirthDate);
    if (!typed?.centuryTyped) throw new CoreFailure('invalid-input', 'core.invalidInput', { field: 'holderBirthDate' });
    birthDate = isoDateOf(typed);
  }
  return {
    holder: {
      ...(input.holderSurname === undefined ? {} : { surname: input.holderSurname }),
      ...(input.holderGivenNames === undefined ? {} : { givenNames: input.holderGivenNames }),
      birthDate,
    },
  };
}
