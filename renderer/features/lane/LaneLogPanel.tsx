import { memo, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, LaneOverview } from '../../../shared/contract';
import { useCoalescedRefresh } from '../../core-client/coalesced-refresh';
import { useCore } from '../../core-client/core-context';
import { AlertList } from '../alerts/AlertList';

/** The lane's bus group with its progress ("142 / 180 processed") and the open alerts. */
/** Memoised (no props): it refreshes on core events, not on each scan's re-render of the lane. */
export const LaneLogPanel = memo(function LaneLogPanel() {
  const core = useCore();
  const { t } = useTranslation('lane');
  const [overview, setOverview] = useState<LaneOverview | null>(null);
  const [groups, setGroups] = useState<Group[]>([]);
  const refresh = useCallback(async () => {
    const [o, g] = await Promise.all([core.getLaneOverview({}), core.listGroups({ limit: 20 })]);
    if (o.ok) setOverview(o.value);
    if (g.ok) setGroups(g.value.items.filter((x) => !(x.stationRole === 'exit' ? x.arrivedAt : x.departedAt)));
  }, [core]);
  const requestRefresh = useCoalescedRefresh(refresh);
  useEffect(() => {
    requestRefresh();
    // A crossing comes with its alerts and pairing as separate events: one refresh for all of them.
    return core.onEvent((event) => {
      if (event.type === 'crossing-recorded' || (event.type === 'log-changed' && event.what !== 'session')) requestRefresh();
    });
  }, [core, requestRefresh]);
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
