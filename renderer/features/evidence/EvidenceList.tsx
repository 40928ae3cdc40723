import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../shared/contract';
import { OUTCOME_LABEL } from '../lane/outcome-label';
import { evidenceTitle } from './evidence-text';

/** Each piece of COVID evidence the traveller showed, with what it is worth on its own. */
export function EvidenceList({ items }: { items: readonly EvidenceItem[] }) {
  const { t } = useTranslation(['evidence', 'common']);
  if (items.length === 0) return null;
  return (
    <ul className="evidence-list" data-testid="evidence-list" aria-label={t('listLabel')}>
      {items.map((item) => {
        const label = item.verdict ? OUTCOME_LABEL[item.verdict.outcome] : undefined;
        return (
          <li key={item.id} className="evidence-list__item" data-testid="evidence-item">
            {label && (
              <span className={`badge ${label.className}`}>
                <span aria-hidden="true">{label.icon}</span> {item.verdict && t(`common:outcome.${item.verdict.outcome}`)}
              </span>
            )}{' '}
            {evidenceTitle(t, item)}
          </li>
        );
      })}
    </ul>
  );
}
