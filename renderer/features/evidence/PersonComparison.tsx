import type { DccEvidenceItem, PersonMatchResult, TravelDocument } from '../../../shared/contract';

const NAME_STATUS: Record<PersonMatchResult['name']['status'], string> = {
  same: 'same name',
  similar: 'same name, other spelling',
  swapped: 'same name, surname and given names swapped',
  different: 'DIFFERENT NAME',
  unknown: 'name cannot be compared',
};
const BIRTH_STATUS: Record<PersonMatchResult['birthDate']['status'], string> = {
  same: 'same date',
  compatible: 'agrees as far as the certificate goes',
  different: 'DIFFERENT DATE',
  unknown: 'cannot be compared',
};

/**
 * The person as the passport and as the certificate state them, side by side: the Latin names, the
 * certificate's original script (Cyrillic, …), and the dates of birth, each row marked when it differs.
 */
export function PersonComparison({ document: doc, certificate, match }: { document: TravelDocument | undefined; certificate: DccEvidenceItem | undefined; match: PersonMatchResult | undefined }) {
  const holder = certificate?.holder;
  if (!holder) return null;
  const latin = [holder.surnameStandardised ?? holder.surname, holder.givenNamesStandardised ?? holder.givenNames].filter(Boolean).join(', ');
  const original = [holder.surname, holder.givenNames].filter(Boolean).join(', ');
  const nameBad = match?.name.status === 'different' || match?.name.status === 'unknown';
  const birthBad = match?.birthDate.status === 'different';
  return (
    <table className="person-comparison" data-testid="person-comparison">
      <caption>Passport and certificate {match ? (match.status === 'match' ? '— the same person' : '— CHECK: the documents differ') : ''}</caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">Passport</th>
          <th scope="col">Certificate</th>
          {match && <th scope="col">Comparison</th>}
        </tr>
      </thead>
      <tbody>
        <tr className={nameBad ? 'person-comparison__row--bad' : undefined} data-testid="comparison-name">
          <th scope="row">Name</th>
          <td>{doc ? `${doc.surname}, ${doc.givenNames}` : '— scan the passport —'}</td>
          <td>
            {latin || '—'}
            {original && original !== latin && (
              <span className="person-comparison__original" lang="und" data-testid="certificate-original-name">
                {original}
              </span>
            )}
          </td>
          {match && <td>{NAME_STATUS[match.name.status]}</td>}
        </tr>
        <tr className={birthBad ? 'person-comparison__row--bad' : undefined} data-testid="comparison-birth">
          <th scope="row">Date of birth</th>
          <td>{doc ? (doc.birthDate ?? 'not a valid date') : '—'}</td>
          <td>{holder.birthDate || 'not stated'}</td>
          {match && <td>{BIRTH_STATUS[match.birthDate.status]}</td>}
        </tr>
      </tbody>
    </table>
  );
}
