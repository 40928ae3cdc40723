import { useTranslation } from 'react-i18next';
import type { Status } from '../../../shared/contract';
import { useSession } from '../../session';

type Profile = NonNullable<NonNullable<Status['lane']>['ruleProfiles']['entry']>;
const profileText = (p: Profile | null) => (p ? `${p.id} v${p.version}` : null);

/** Where the station is and who works it: in the status bar's details. */
export function StationStatusItems() {
  const { t } = useTranslation('status');
  const { who } = useSession();
  return (
    <>
      {who?.station.checkpointName && <span data-testid="status-checkpoint">{who.station.checkpointName}</span>}
      <span data-testid="status-operator">{who?.user ? t('operator', { name: who.user.displayName }) : t('notSignedIn')}</span>
    </>
  );
}

/** What bears on this lane's decisions: corridor, rule profile, what is not yet sent. Each fact's full text is its title. */
export function LaneStatusItems({ status }: { status: Status | null }) {
  const { t } = useTranslation('status');
  const lane = status?.lane;
  const entry = profileText(lane?.ruleProfiles.entry ?? null);
  const exit = profileText(lane?.ruleProfiles.exit ?? null);
  return (
    <>
      {lane && (
        <span data-testid="status-corridor" title={t('corridor', { name: lane.corridor.name ?? lane.corridor.id })}>
          {t('corridor', { name: lane.corridor.name ?? lane.corridor.id })}
        </span>
      )}
      {lane &&
        (entry === null && exit === null ? (
          <span className="status-bar__warning" data-testid="status-rule-profile">
            {t('noRuleProfile')}
          </span>
        ) : (
          <span data-testid="status-rule-profile" title={[lane.ruleProfiles.entry?.name, lane.ruleProfiles.exit?.name].filter(Boolean).join(' · ') || undefined}>
            {entry === exit ? t('ruleProfile', { profile: entry }) : t('ruleProfiles', { entry: entry ?? '—', exit: exit ?? '—' })}
          </span>
        ))}
      {lane && (
        <span data-testid="status-unsent" title={lane.unsentCrossings === 0 ? t('allSent') : t('unsent', { total: lane.unsentCrossings })}>
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
