import type { Status, TrustListStatus } from '../../contract';
import type { StationStore } from '../../node/db';

export interface StatusDeps {
  readonly appVersion: string;
  readonly stationId: string;
  readonly startedAt: Date;
  readonly now: () => Date;
  readonly store: StationStore;
  /** The DCC trust list's size and age (issue 10). */
  readonly trustList: () => TrustListStatus;
}

export function getStatus(deps: StatusDeps): Status {
  return {
    appVersion: deps.appVersion,
    stationId: deps.stationId,
    startedAt: deps.startedAt.toISOString(),
    now: deps.now().toISOString(),
    database: { schemaVersion: deps.store.schemaVersion(), crossingsTotal: deps.store.countCrossings() },
    trustList: deps.trustList(),
  };
}
