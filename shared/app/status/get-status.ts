import type { Status } from '../../contract';
import type { StationStore } from '../../node/db';

export interface StatusDeps {
  readonly appVersion: string;
  readonly stationId: string;
  readonly startedAt: Date;
  readonly now: () => Date;
  readonly store: StationStore;
}

export function getStatus(deps: StatusDeps): Status {
  return {
    appVersion: deps.appVersion,
    stationId: deps.stationId,
    startedAt: deps.startedAt.toISOString(),
    now: deps.now().toISOString(),
    database: { schemaVersion: deps.store.schemaVersion(), crossingsTotal: deps.store.countCrossings() },
  };
}
