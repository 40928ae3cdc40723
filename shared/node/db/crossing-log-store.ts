import { AlertsRepo } from './alerts-repo';
import { CorrectionsRepo } from './corrections-repo';
import { CorridorsRepo } from './corridors-repo';
import { GroupsRepo } from './groups-repo';
import { OperatorsRepo } from './operators-repo';
import { OverridesRepo } from './overrides-repo';
import { ParkedTravellersRepo } from './parked-travellers-repo';
import { PassagesRepo } from './passages-repo';
import type { StationStore } from './station-store';

/**
 * The crossing log's repositories on the station's one database connection. Writes go through
 * `store.transaction` together with `store.appendAudit`, so each change commits with its audit row.
 */
export class CrossingLogStore {
  readonly operators: OperatorsRepo;
  readonly corridors: CorridorsRepo;
  readonly groups: GroupsRepo;
  readonly passages: PassagesRepo;
  readonly alerts: AlertsRepo;
  readonly overrides: OverridesRepo;
  readonly corrections: CorrectionsRepo;
  readonly parked: ParkedTravellersRepo;

  constructor(readonly store: StationStore) {
    const db = store.database;
    this.operators = new OperatorsRepo(db);
    this.corridors = new CorridorsRepo(db);
    this.groups = new GroupsRepo(db);
    this.passages = new PassagesRepo(db);
    this.alerts = new AlertsRepo(db);
    this.overrides = new OverridesRepo(db);
    this.corrections = new CorrectionsRepo(db);
    this.parked = new ParkedTravellersRepo(db);
  }

  setting(key: string): string | undefined {
    return (this.store.database.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  /** Call inside a transaction. */
  setSetting(key: string, value: string | null): void {
    if (value === null) this.store.database.prepare('DELETE FROM settings WHERE key = ?').run(key);
    else this.store.database.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
