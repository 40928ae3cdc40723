import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Crossing } from '../../../shared/contract';
import { useFormat } from '../../i18n';
import { OUTCOME_LABEL } from './outcome-label';

/** Memoised: the lane re-renders on every scan, the table only when a crossing is recorded. */
export const CrossingsTable = memo(function CrossingsTable({ crossings, total }: { crossings: Crossing[]; total: number }) {
  const { t } = useTranslation(['lane', 'common']);
  const format = useFormat();
  return (
    <section className="crossings" aria-labelledby="crossings-title">
      <h2 id="crossings-title">
        {t('crossings.title')} <span className="crossings__count">{t('crossings.today', { total })}</span>
      </h2>
      {crossings.length === 0 ? (
        <p className="crossings__empty">{t('crossings.empty')}</p>
      ) : (
        <table data-testid="crossings-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('crossings.time')}</th>
              <th scope="col">{t('crossings.name')}</th>
              <th scope="col">{t('crossings.document')}</th>
              <th scope="col">{t('crossings.nationality')}</th>
              <th scope="col">{t('crossings.direction')}</th>
              <th scope="col">{t('crossings.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {crossings.map((crossing) => {
              const label = OUTCOME_LABEL[crossing.outcome];
              return (
                <tr key={crossing.id} data-testid="crossing-row">
                  <td>{crossing.sequence}</td>
                  <td>{format.timeWithSeconds(crossing.recordedAt)}</td>
                  <td>
                    {crossing.document.surname}, {crossing.document.givenNames}
                  </td>
                  <td>{crossing.document.documentNumber}</td>
                  <td>{crossing.document.nationality}</td>
                  <td>{t(`dir.${crossing.direction}`)}</td>
                  <td>
                    <span className={`badge ${label.className}`}>
                      <span aria-hidden="true">{label.icon}</span> {t(`common:outcome.${crossing.outcome}`)}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
});
