import { useTranslation } from 'react-i18next';
import type { Status } from '../../../shared/contract';
import { useSession } from '../../session';

type Profile = NonNullable<NonNullable<Status['lane']>['ruleProfiles']['entry']>;
const profileText = (p: Profile | null) => (p ? `${p.id} v${p.version}` : null);

/** Where this lane works and for whom: corridor, operator, rule profile, what is not yet sent. */
export function LaneStatusItems({ status }: { status: Status | null }) {
  const { t } = useTranslation('status');
  const { who } = useSession();
  const lane = status?.lane;
  const entry = profileText(lane?.ruleProfiles.entry ?? null);
  const exit = profileText(lane?.ruleProfiles.exit ?? null);
  return (
    <>
      {who?.station.checkpointName && <span data-testid="status-checkpoint">{who.station.checkpointName}</span>}
      {lane && <span data-testid="status-corridor">{t('corridor', { name: lane.corridor.name ?? lane.corridor.id })}</span>}
      <span data-testid="status-operator">{who?.user ? t('operator', { name: who.user.displayName }) : t('notSignedIn')}</span>
      {lane &&
        (entry === null && exit === null ? (
          <span className="status-bar__warning" data-testid="status-rule-profile">
            {t('noRuleProfile')}
          </span>
        ) : (
          <span data-testid="status-rule-profile" title={lane.ruleProfiles.entry?.name ?? lane.ruleProfiles.exit?.name}>
            {entry === exit ? t('ruleProfile', { profile: entry }) : t('ruleProfiles', { entry: entry ?? '—', exit: exit ?? '—' })}
          </span>
        ))}
      {lane && (
        <span data-testid="status-unsent">
          {lane.unsentCrossings === 0 ? t('allSent') : t('unsent', { total: lane.unsentCrossings })}
          {lane.queuedBundles > 0 && ` · ${t('queuedBundles', { total: lane.queuedBundles })}`}
        </span>
      )}
      {lane?.retentionPaused && (
        <span className="status-bar__warning" data-testid="status-retention-paused">
          {t(`retentionPaused.${lane.retentionPaused}`)}
        </span>
      )}
    </>
  );
}
