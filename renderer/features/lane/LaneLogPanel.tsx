import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCore } from '../../core-client/core-context';
import { useCoreQuery, type CoreTopic } from '../../core-query';
import { AlertList } from '../alerts/AlertList';

const TOPICS: readonly CoreTopic[] = ['crossings', 'alerts', 'groups', 'pairings', 'setup', 'exports'];

/** The lane's bus group with its progress ("142 / 180 processed") and the open alerts. */
/** Memoised (no props): it refreshes on core events, not on each scan's re-render of the lane. */
export const LaneLogPanel = memo(function LaneLogPanel() {
  const core = useCore();
  const { t } = useTranslation('lane');
  const overviewQuery = useCoreQuery('getLaneOverview', {}, { on: TOPICS });
  const groupsQuery = useCoreQuery('listGroups', { limit: 20 }, { on: TOPICS });
  const overview = overviewQuery.data;
  const groups = (groupsQuery.data?.items ?? []).filter((x) => !(x.stationRole === 'exit' ? x.arrivedAt : x.departedAt));
  const refresh = () => Promise.all([overviewQuery.refresh(), groupsQuery.refresh()]);
  if (!overview) return null;
  const group = overview.group;
  return (
    <section className="lane-log" aria-label={t('log.groupAndAlerts')}>
      <div className="lane-log__group">
        {group ? (
          <p data-testid="lane-group-progress">
            <strong>{group.label}</strong>: {t('log.processed', { processed: group.processed, total: group.total })}
          </p>
        ) : (
          <p className="muted">{t('log.noGroupSelected')}</p>
        )}
        {groups.length > 0 && (
          <select
            aria-label={t('log.groupAtLane')}
            data-testid="lane-group-select"
            value={group?.id ?? ''}
            onChange={(e) => void core.setLaneGroup({ groupId: e.target.value || null }).then(refresh)}
          >
            <option value="">{t('log.noGroup')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label} ({g.processed} / {g.total})
              </option>
            ))}
          </select>
        )}
      </div>
      {overview.openAlertsTotal > 0 && <AlertList alerts={overview.openAlerts} total={overview.openAlertsTotal} canAcknowledge />}
    </section>
  );
});
