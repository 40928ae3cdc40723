import type { LaneStatus, Status, TrustListStatus } from '../../contract';
import type { StationStore } from '../../node/db';

export interface StatusDeps {
  readonly appVersion: string;
  readonly stationId: string;
  readonly startedAt: Date;
  readonly now: () => Date;
  readonly store: StationStore;
  /** The DCC trust list's size and age. */
  readonly trustList: () => TrustListStatus;
  /** Corridor, rule profiles, unsent exports (lane status bar). */
  readonly lane?: () => LaneStatus;
  /** The hub link's last contact and the packages applied (status bar). */
  readonly hub?: () => NonNullable<Status['hub']>;
}

export function getStatus(deps: StatusDeps): Status {
  return {
    appVersion: deps.appVersion,
    stationId: deps.stationId,
    startedAt: deps.startedAt.toISOString(),
    now: deps.now().toISOString(),
    database: { schemaVersion: deps.store.schemaVersion(), crossingsTotal: deps.store.countCrossings() },
    trustList: deps.trustList(),
    ...(deps.hub ? { hub: deps.hub() } : {}),
    ...(deps.lane ? { lane: deps.lane() } : {}),
  };
}
