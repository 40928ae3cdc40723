import init from './0001_init.sql';
import corridorBoard from './0002_corridor_board.sql';
import packages from './0003_packages.sql';
import bundleV2 from './0004_bundle_v2.sql';
import centralUsers from './0005_central_users.sql';
import stationHealth from './0006_station_health.sql';
import corridorPackages from './0007_corridor_packages.sql';
import revocationPackages from './0008_revocation_packages.sql';

export interface CentralMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Numbered, contiguous, applied in order; each one in its own transaction. */
export const CENTRAL_MIGRATIONS: readonly CentralMigration[] = [
  { version: 1, name: '0001_init', sql: init },
  { version: 2, name: '0002_corridor_board', sql: corridorBoard },
  { version: 3, name: '0003_packages', sql: packages },
  { version: 4, name: '0004_bundle_v2', sql: bundleV2 },
  { version: 5, name: '0005_central_users', sql: centralUsers },
  { version: 6, name: '0006_station_health', sql: stationHealth },
  { version: 7, name: '0007_corridor_packages', sql: corridorPackages },
  { version: 8, name: '0008_revocation_packages', sql: revocationPackages },
];
