import { normaliseDocumentNumber } from '../corridor';
import { matchPerson, type PassportPerson } from '../evidence';
import type { LabResultRow } from './lab-result';

/** A stored row with the list it came from (its import number). */
export interface ListedLabResult {
  readonly listVersion: number;
  readonly row: LabResultRow;
}

export interface PassportIdentity extends PassportPerson {
  readonly documentNumber: string;
  readonly nationality: string;
}

export interface PickedLabResult extends ListedLabResult {
  readonly matchedBy: 'document' | 'identity';
}

/** The newest sample decides (a retest replaces the earlier result); the later list breaks a tie. */
const newer = (a: ListedLabResult, b: ListedLabResult): number =>
  Date.parse(b.row.sampleTime) - Date.parse(a.row.sampleTime) || b.listVersion - a.listVersion;

/**
 * The result on the lab lists that belongs to the passport: first by document number (and nationality when the
 * list gives one), else by identity: the same birth date and a name that matches across scripts. Candidates are
 * what the store found by document number or birth date; this decides which of them, if any, is this person.
 */
export function pickLabResult(candidates: readonly ListedLabResult[], passport: PassportIdentity): PickedLabResult | undefined {
  const number = normaliseDocumentNumber(passport.documentNumber);
  const byDocument = candidates.filter(
    ({ row }) => row.documentNumber === number && (row.nationality === '' || row.nationality === passport.nationality),
  );
  if (byDocument.length > 0) return { ...[...byDocument].sort(newer)[0]!, matchedBy: 'document' };
  if (passport.birthDate === null) return undefined;
  const byIdentity = candidates.filter(
    ({ row }) =>
      row.holder.birthDate === passport.birthDate &&
      (row.nationality === '' || row.nationality === passport.nationality) &&
      matchPerson(row.holder, passport).status === 'match',
  );
  return byIdentity.length > 0 ? { ...[...byIdentity].sort(newer)[0]!, matchedBy: 'identity' } : undefined;
}
