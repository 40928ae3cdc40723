import type { ScanResult, TravelDocument } from '../../../shared/contract';
import { ageOn, countryName, daysUntil } from '../../../shared/domain/mrz';

function expiryText(expiryDate: string | null, at: Date): string {
  if (expiryDate === null) return 'expiry date unreadable';
  const days = daysUntil(expiryDate, at);
  if (days === null) return expiryDate;
  if (days < 0) return `${expiryDate} — expired ${-days} day${days === -1 ? '' : 's'} ago`;
  if (days === 0) return `${expiryDate} — expires today`;
  return `${expiryDate} — expires in ${days} day${days === 1 ? '' : 's'}`;
}

/** The person as the passport states it, with what an officer needs at a glance: country names, age, expiry. */
export function DocumentFacts({ document: doc, corrections, at }: { document: TravelDocument; corrections: NonNullable<ScanResult['mrz']>['corrections']; at: Date }) {
  const age = doc.birthDate ? ageOn(doc.birthDate, at) : null;
  const nationality = countryName(doc.nationality);
  const issuer = countryName(doc.issuingState);
  return (
    <dl className="decision__identity">
      <dt>Name</dt>
      <dd data-testid="decision-name">
        {doc.surname}, {doc.givenNames}
      </dd>
      <dt>Nationality</dt>
      <dd data-testid="decision-nationality">
        {doc.nationality}
        {nationality ? ` — ${nationality}` : ''}
      </dd>
      <dt>Date of birth</dt>
      <dd data-testid="decision-birth">
        {doc.birthDate ?? 'not a valid date'}
        {age !== null ? ` (age ${age})` : ''}
        {doc.sex && doc.sex !== '<' ? ` · ${doc.sex}` : ''}
      </dd>
      <dt>Document</dt>
      <dd>
        {doc.documentCode} {doc.documentNumber}, issued by {issuer ?? doc.issuingState}
      </dd>
      <dt>Expiry</dt>
      <dd data-testid="decision-expiry">{expiryText(doc.expiryDate, at)}</dd>
      {corrections.length > 0 && (
        <>
          <dt>Corrected</dt>
          <dd data-testid="decision-corrections">
            {corrections.map((c) => `${c.field} position ${c.position}: ${c.from} → ${c.to}`).join('; ')}
          </dd>
        </>
      )}
    </dl>
  );
}
