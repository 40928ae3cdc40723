import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ScanResult, TravelDocument } from '../../../shared/contract';
import { ageOn, countryName, daysUntil } from '../../../shared/domain/mrz';

function expiryText(t: TFunction<'lane'>, expiryDate: string | null, at: Date): string {
  if (expiryDate === null) return t('facts.expiryUnreadable');
  const days = daysUntil(expiryDate, at);
  if (days === null) return expiryDate;
  if (days < 0) return t('facts.expiredAgo', { date: expiryDate, count: -days });
  if (days === 0) return t('facts.expiresToday', { date: expiryDate });
  return t('facts.expiresIn', { date: expiryDate, count: days });
}

/** The person as the passport states it, with what an officer needs at a glance: country names, age, expiry. */
export function DocumentFacts({ document: doc, corrections, at }: { document: TravelDocument; corrections: NonNullable<ScanResult['mrz']>['corrections']; at: Date }) {
  const { t } = useTranslation('lane');
  const age = doc.birthDate ? ageOn(doc.birthDate, at) : null;
  const nationality = countryName(doc.nationality);
  const issuer = countryName(doc.issuingState);
  return (
    <dl className="decision__identity">
      <dt>{t('facts.name')}</dt>
      <dd data-testid="decision-name">
        {doc.surname}, {doc.givenNames}
      </dd>
      <dt>{t('facts.nationality')}</dt>
      <dd data-testid="decision-nationality">
        {doc.nationality}
        {nationality ? ` — ${nationality}` : ''}
      </dd>
      <dt>{t('facts.birthDate')}</dt>
      <dd data-testid="decision-birth">
        {doc.birthDate ?? t('facts.notValidDate')}
        {age !== null ? ` ${t('facts.age', { age })}` : ''}
        {doc.sex && doc.sex !== '<' ? ` · ${doc.sex}` : ''}
      </dd>
      <dt>{t('facts.document')}</dt>
      <dd>
        {t('facts.issuedBy', { code: doc.documentCode, number: doc.documentNumber, issuer: issuer ?? doc.issuingState })}
      </dd>
      <dt>{t('facts.expiry')}</dt>
      <dd data-testid="decision-expiry">{expiryText(t, doc.expiryDate, at)}</dd>
      {corrections.length > 0 && (
        <>
          <dt>{t('facts.corrected')}</dt>
          <dd data-testid="decision-corrections">
            {corrections.map((c) => t('facts.correction', { field: c.field, position: c.position, from: c.from, to: c.to })).join('; ')}
          </dd>
        </>
      )}
    </dl>
  );
}
