import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DccEvidenceItem, ScanResult, TravelDocument } from '../../../shared/contract';

type Holder = NonNullable<DccEvidenceItem['holder']>;

const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(', ');

/** The certificate's own spelling (Cyrillic, …) when it differs from its Latin transliteration. */
export function originalScriptName(holder: Holder | undefined): string | null {
  if (!holder) return null;
  const original = joined(holder.surname, holder.givenNames);
  const latin = joined(holder.surnameStandardised, holder.givenNamesStandardised);
  return original && original.toUpperCase() !== latin.toUpperCase() && /(?!\p{Script=Latin})\p{L}/u.test(original) ? original : null;
}
import { ageOn, daysUntil } from '../../../shared/domain/mrz';
import { useFormat } from '../../i18n';

function expiryText(t: TFunction<'lane'>, expiryDate: string | null, at: Date): string {
  if (expiryDate === null) return t('facts.expiryUnreadable');
  const days = daysUntil(expiryDate, at);
  if (days === null) return expiryDate;
  if (days < 0) return t('facts.expiredAgo', { date: expiryDate, count: -days });
  if (days === 0) return t('facts.expiresToday', { date: expiryDate });
  return t('facts.expiresIn', { date: expiryDate, count: days });
}

/** The person as the passport states it, with what an officer needs at a glance: country names, age, expiry. */
export function DocumentFacts({
  document: doc,
  corrections,
  at,
  holder,
}: {
  document: TravelDocument;
  corrections: NonNullable<ScanResult['mrz']>['corrections'];
  at: Date;
  holder?: Holder | undefined;
}) {
  const { t } = useTranslation('lane');
  const original = originalScriptName(holder);
  const age = doc.birthDate ? ageOn(doc.birthDate, at) : null;
  const format = useFormat();
  const nationality = format.country(doc.nationality);
  const issuer = format.country(doc.issuingState);
  return (
    <dl className="decision__identity">
      <dt>{t('facts.name')}</dt>
      <dd>
        <span data-testid="decision-name">
          {doc.surname}, {doc.givenNames}
        </span>
        {original && (
          <span className="decision__original-name" lang="und" data-testid="decision-original-name">
            {original}
          </span>
        )}
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

/** A certificate scanned before the passport: the person as the certificate names them. */
export function HolderFacts({ holder, at }: { holder: Holder; at: Date }) {
  const { t } = useTranslation('lane');
  const latin = joined(holder.surnameStandardised ?? holder.surname, holder.givenNamesStandardised ?? holder.givenNames);
  const original = originalScriptName(holder);
  const age = /^\d{4}-\d{2}-\d{2}$/.test(holder.birthDate) ? ageOn(holder.birthDate, at) : null;
  return (
    <dl className="decision__identity" data-testid="holder-facts">
      <dt>{t('facts.name')}</dt>
      <dd>
        <span data-testid="holder-name">{latin}</span>
        {original && (
          <span className="decision__original-name" lang="und">
            {original}
          </span>
        )}
      </dd>
      <dt>{t('facts.birthDate')}</dt>
      <dd>
        {holder.birthDate || t('facts.notValidDate')}
        {age !== null ? ` ${t('facts.age', { age })}` : ''}
      </dd>
    </dl>
  );
}
