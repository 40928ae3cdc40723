import { useTranslation } from 'react-i18next';
import type { ExportRecord } from '../../../shared/contract';
import { deliveryReason } from './delivery-reason';
import { periodText } from './export-period';

/** Every bundle this station wrote, newest first, with how far it got towards the central system. */
export function ExportHistory({ items }: { items: readonly ExportRecord[] }) {
  const { t } = useTranslation('export');
  return (
    <section className="card" aria-labelledby="export-history-title">
      <h2 id="export-history-title">{t('history')}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('noBundle')}</p>
      ) : (
        <table className="table" data-testid="export-history">
          <thead>
            <tr>
              <th scope="col">{t('written')}</th>
              <th scope="col">{t('period')}</th>
              <th scope="col">{t('crossings')}</th>
              <th scope="col">{t('where')}</th>
              <th scope="col">{t('statusCol')}</th>
              <th scope="col">{t('bundleId')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="export-history-row">
                <td>{item.createdAt.slice(0, 16).replace('T', ' ')}</td>
                <td>{periodText(item.period)}</td>
                <td>{item.crossings}</td>
                <td className="mono">{item.destination ?? t('centralOnly')}</td>
                <td>
                  <span className={`export-status export-status--${item.status}`} data-testid="export-status">
                    {t(`status.${item.status}`)}
                  </span>
                  {item.lastError && (
                    <div className="export-status__error">
                      {t('lastError', { count: item.attempts, error: deliveryReason(t, item.lastErrorCode, item.lastError) })}
                    </div>
                  )}
                </td>
                <td className="mono">{item.manifestSha256.slice(0, 16)}…</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
