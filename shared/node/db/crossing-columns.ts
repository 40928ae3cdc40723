import type { Reason, TravelDocument } from '../../contract';
import { personNameKey } from '../../domain/mrz';

/**
 * The columns a crossing's row derives from the record, the same for this station's crossings and those a group
 * file brings: the time in ms for range scans, reasons and document as JSON, and the fields pairing looks a person
 * up by (document, nationality, birth date, name key) when the document differs.
 */
export function derivedCrossingColumns(crossing: { readonly recordedAt: string; readonly reasons: readonly Reason[]; readonly document: TravelDocument }) {
  const document = crossing.document;
  return {
    recordedAtMs: Date.parse(crossing.recordedAt),
    reasonsJson: JSON.stringify(crossing.reasons),
    documentJson: JSON.stringify(document),
    documentNumber: document.documentNumber,
    nationality: document.nationality,
    birthDate: document.birthDate,
    nameKey: personNameKey(document),
  };
}
