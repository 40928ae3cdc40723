import { useTranslation } from 'react-i18next';
import { LOG_TOPICS, useCoreQuery } from '../../core-query';
import { useSession } from '../../session';

/**
 * For consular staff and shift leads, wherever they are (the lane too): how many travellers wait in the held
 * queue on the Consular screen. Operators do not decide on them and do not see it.
 */
export function HeldCount() {
  const { t } = useTranslation('status');
  const { may } = useSession();
  const decides = may('refuseCrossing');
  const held = useCoreQuery('listHeld', decides ? { limit: 1 } : null, { on: LOG_TOPICS });
  const total = held.data?.total ?? 0;
  if (!decides || total === 0) return null;
  return (
    <span className="status-bar__warning" role="status" data-testid="status-held">
      {t('heldForConsular', { total })}
    </span>
  );
}
