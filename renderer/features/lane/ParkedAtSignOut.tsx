import { useTranslation } from 'react-i18next';
import type { ScanResult } from '../../../shared/contract';
import { useFormat } from '../../i18n';
import './lane.css';

/**
 * Signing out with travellers decided and not recorded: they are listed before the session ends, so the
 * operator records them or knowingly leaves them for the next person (they stay in the core's list).
 */
export function ParkedAtSignOut({ parked, onStay, onLeave }: { parked: readonly ScanResult[]; onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation(['lane', 'common']);
  const format = useFormat();
  return (
    <section className="lane-dialog" role="alertdialog" aria-labelledby="parked-at-sign-out-title" data-testid="parked-at-sign-out">
      <h2 id="parked-at-sign-out-title">{t('signOutParked.title', { total: parked.length })}</h2>
      <p>{t('signOutParked.explain')}</p>
      <ul>
        {parked.map((traveller) => (
          <li key={traveller.scanId} data-testid="parked-at-sign-out-item">
            {t('parked.item', {
              name: traveller.document ? `${traveller.document.surname} ${traveller.document.givenNames}`.trim() : '',
              document: traveller.document?.documentNumber ?? '',
              outcome: t(`common:outcome.${traveller.decision.outcome}`),
              time: format.time(new Date(traveller.receivedAt)),
            })}
          </li>
        ))}
      </ul>
      <div className="decision__secondary">
        <button type="button" className="button button--primary" data-testid="sign-out-stay" autoFocus onClick={onStay}>
          {t('signOutParked.stay')}
        </button>
        <button type="button" className="button" data-testid="sign-out-anyway" onClick={onLeave}>
          {t('signOutParked.leave')}
        </button>
      </div>
    </section>
  );
}
