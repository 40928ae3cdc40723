import type Database from 'better-sqlite3';
import type { Crossing } from '../../contract';
import { AuditLog, type AuditEntry, type AuditVerification } from './audit-log';
import { checkAuditContent, type ContentCheck } from './content-check';
import { crossingSeal } from './content-seal';
import { CrossingsRepo, type CrossingFilter, type NewCrossing } from './crossings-repo';
import { schemaVersion } from './migrate';
import type { DatabaseKeyStore } from './database-key';
import { openStationDatabase } from './open-database';
import { checkSchema, type SchemaCheck } from './schema-check';
import { SettingsRepo } from './settings-repo';

export interface IntegrityReport {
  readonly ok: boolean;
  readonly integrity: string[];
  readonly schemaVersion: number;
  readonly audit: AuditVerification;
  /** Every crossing, correction, override and evidence row against the content its audit row recorded. */
  readonly content: ContentCheck;
  /** Tables, indexes and triggers against those the migrations make (a dropped append-only trigger is named). */
  readonly schema: SchemaCheck;
}

/**
 * The typed data-access layer the app uses: no SQL leaves this folder (Signal-Desktop's sql/Interface idea).
 * Every method that changes data writes its audit row in the same transaction.
 */
export class StationStore {
  private readonly crossings: CrossingsRepo;
  private readonly settings: SettingsRepo;
  private readonly audit: AuditLog;
  private readonly recordTransaction: Database.Transaction<(crossing: NewCrossing, actor: string) => Crossing>;

  constructor(private readonly db: Database.Database) {
    this.crossings = new CrossingsRepo(db);
    this.settings = new SettingsRepo(db);
    this.audit = new AuditLog(db);
    this.recordTransaction = db.transaction((crossing: NewCrossing, actor: string) => {
      const saved = this.crossings.insert(crossing);
      this.audit.append({
        at: crossing.recordedAt,
        actor,
        action: 'crossing.recorded',
        entity: 'crossing',
        entityId: saved.id,
        payload: { sequence: saved.sequence, ...crossingSeal(saved) },
      });
      return saved;
    });
  }

  /**
   * Runs `work` in one BEGIN IMMEDIATE transaction: repositories of other areas write their rows and
   * `appendAudit` their audit entries through this, so a change and its audit row commit together.
   */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** Appends an audit entry; call inside `transaction` together with the change it describes. */
  appendAudit(entry: AuditEntry): void {
    this.audit.append(entry);
  }

  /** For repositories of other areas (shared/node/db/*-repo.ts) to prepare their statements on. */
  get database(): Database.Database {
    return this.db;
  }

  /** `key`: where the database key is kept; by default the Node host's 0600 key file in `dataDir`. */
  static open(dataDir: string, key?: DatabaseKeyStore): StationStore {
    return new StationStore(openStationDatabase(dataDir, key ? { key } : {}));
  }

  /** Returns only after the row and its audit entry are committed (WAL, synchronous=FULL). */
  recordCrossing(crossing: NewCrossing, actor: string): Crossing {
    return this.recordTransaction.immediate(crossing, actor);
  }

  listCrossings(filter: CrossingFilter): { items: Crossing[]; total: number } {
    return this.crossings.list(filter);
  }

  getCrossing(id: string): Crossing | undefined {
    return this.crossings.getById(id);
  }

  countCrossings(): number {
    return this.crossings.count();
  }

  /** Reads a setting, creating it with `initial()` the first time (e.g. the station id at first run). */
  ensureSetting(key: string, initial: () => string): string {
    return this.db.transaction(() => {
      const existing = this.settings.get(key);
      if (existing !== undefined) return existing;
      const value = initial();
      this.settings.set(key, value);
      return value;
    }).immediate();
  }

  schemaVersion(): number {
    return schemaVersion(this.db);
  }

  verifyAudit(): AuditVerification {
    return this.audit.verify();
  }

  checkIntegrity(): IntegrityReport {
    const integrity = (this.db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
    const audit = this.audit.verify();
    const content = checkAuditContent(this.db);
    const schema = checkSchema(this.db);
    return { ok: integrity.length === 1 && integrity[0] === 'ok' && audit.ok && content.ok && schema.ok, integrity, schemaVersion: this.schemaVersion(), audit, content, schema };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
