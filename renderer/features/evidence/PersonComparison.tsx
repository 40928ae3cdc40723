import { useTranslation } from 'react-i18next';
import type { DccEvidenceItem, PersonMatchResult, TravelDocument } from '../../../shared/contract';

/**
 * The person as the passport and as the certificate state them, side by side: the Latin names, the
 * certificate's original script (Cyrillic, …), and the dates of birth, each row marked when it differs.
 */
export function PersonComparison({ document: doc, certificate, match }: { document: TravelDocument | undefined; certificate: DccEvidenceItem | undefined; match: PersonMatchResult | undefined }) {
  const { t } = useTranslation('evidence');
  const holder = certificate?.holder;
  if (!holder) return null;
  const latin = [holder.surnameStandardised ?? holder.surname, holder.givenNamesStandardised ?? holder.givenNames].filter(Boolean).join(', ');
  const original = [holder.surname, holder.givenNames].filter(Boolean).join(', ');
  const nameBad = match?.name.status === 'different' || match?.name.status === 'unknown';
  const birthBad = match?.birthDate.status === 'different';
  return (
    <table className="person-comparison" data-testid="person-comparison">
      <caption>
        {t('cmp.title')} {match ? (match.status === 'match' ? t('cmp.samePerson') : t('cmp.differ')) : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{t('cmp.passport')}</th>
          <th scope="col">{t('cmp.certificate')}</th>
          {match && <th scope="col">{t('cmp.comparison')}</th>}
        </tr>
      </thead>
      <tbody>
        <tr className={nameBad ? 'person-comparison__row--bad' : undefined} data-testid="comparison-name">
          <th scope="row">{t('cmp.name')}</th>
          <td>{doc ? `${doc.surname}, ${doc.givenNames}` : t('cmp.scanPassport')}</td>
          <td>
            {latin || '—'}
            {original && original !== latin && (
              <span className="person-comparison__original" lang="und" data-testid="certificate-original-name">
                {original}
              </span>
            )}
          </td>
          {match && <td>{t(`cmp.name_${match.name.status}`)}</td>}
        </tr>
        <tr className={birthBad ? 'person-comparison__row--bad' : undefined} data-testid="comparison-birth">
          <th scope="row">{t('cmp.birthDate')}</th>
          <td>{doc ? (doc.birthDate ?? t('cmp.notValidDate')) : '—'}</td>
          <td>{holder.birthDate || t('cmp.notStated')}</td>
          {match && <td>{t(`cmp.birth_${match.birthDate.status}`)}</td>}
        </tr>
      </tbody>
    </table>
  );
}
