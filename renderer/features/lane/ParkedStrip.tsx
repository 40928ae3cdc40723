import { useTranslation } from 'react-i18next';
import type { ScanResult } from '../../../shared/contract';
import { useFormat } from '../../i18n';
import { OUTCOME_LABEL } from './outcome-label';

export const RESUME_KEY = 'F3';

/**
 * Travellers decided at this station and not recorded yet, oldest first: scanning the next passport never
 * drops the previous one. F3 (or a click) brings the oldest back on screen with its own decision.
 */
export function ParkedStrip({ parked, onResume }: { parked: readonly ScanResult[]; onResume: (scanId: string) => void }) {
  const { t } = useTranslation(['lane', 'common']);
  const format = useFormat();
  if (parked.length === 0) return null;
  return (
    <section className="parked-strip" data-testid="parked-strip" aria-label={t('parked.title', { total: parked.length })}>
      <p className="parked-strip__title">
        <strong>{t('parked.title', { total: parked.length })}</strong> · <kbd>{RESUME_KEY}</kbd> {t('parked.back')}
      </p>
      <ul className="parked-strip__list">
        {parked.map((traveller) => {
          const label = OUTCOME_LABEL[traveller.decision.outcome];
          const doc = traveller.document;
          return (
            <li key={traveller.scanId}>
              <button type="button" className={`parked-strip__item ${label.className}`} data-testid="parked-item" onClick={() => onResume(traveller.scanId)}>
                <span aria-hidden="true">{label.icon}</span>{' '}
                {t('parked.item', {
                  name: doc ? `${doc.surname} ${doc.givenNames}`.trim() : '',
                  document: doc?.documentNumber ?? '',
                  outcome: t(`common:outcome.${traveller.decision.outcome}`),
                  time: format.time(new Date(traveller.receivedAt)),
                })}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
