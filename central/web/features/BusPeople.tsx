import type { BusAnswer, CorridorView } from '../../../shared/contract/hub-web';
import { useHubQuery } from '../api/use-hub-query';
import { useHubI18n } from '../i18n/hub-i18n';
import { ErrorLine, ExportButtons } from './common';
import { PeopleTable } from './PeopleTable';

// Most urgent first: who is missing or overdue is what the coordinator opened the bus for.
const ORDER = ['missing', 'overdue', 'unexpected', 'refused', 'held', 'returned', 'in-transit', 'arrived'];

export function BusPeople({ corridor, groupId, hours, onClose }: { corridor: CorridorView; groupId: string; hours: number; onClose: () => void }) {
  const { t } = useHubI18n();
  const query = { corridor: corridor.id, group: groupId, hours };
  const bus = useHubQuery<BusAnswer>('bus', query);
  const title = t('bus.title', { bus: groupId, corridor: corridor.name });
  const people = [...(bus.data?.people ?? [])].sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state));
  return (
    <section aria-labelledby="bus-title">
      <div className="hub-toolbar">
        <h2 id="bus-title">{title}</h2>
        <button type="button" className="hub-button" onClick={onClose} data-testid="bus-close">
          {t('bus.close')}
        </button>
        <ExportButtons table="bus" query={query} label={title} />
      </div>
      <ErrorLine error={bus.error} />
      {bus.loading && !bus.data && <p>{t('loading')}</p>}
      {bus.data && <PeopleTable people={people} caption={`${t('board.people')}: ${people.length}`} />}
    </section>
  );
}
