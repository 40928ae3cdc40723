import type Database from 'better-sqlite3';
import type { Crossing } from '../../contract';
import { AuditLog, type AuditEntry, type AuditVerification, type ChainPoint } from './audit-log';
import { checkAuditContent, type ContentCheck } from './content-check';
import { crossingSeal } from './content-seal';
import { CrossingsRepo, type CrossingFilter, type NewCrossing } from './crossings-repo';
import { schemaVersion } from './migrate';
import type { DatabaseKeyStore } from './database-key';
import { openStationDatabase } from './open-database';
import { checkSchema, type SchemaCheck } from './schema-check';
import { SettingsRepo } from './settings-repo';

/** The latest date a JavaScript Date holds: "until now and after" for a check's period. */
const END_OF_TIME_MS = 8_640_000_000_000_000;

/**
 * `full`: every page (integrity_check), the whole chain and every record. `quick`: the b-trees without comparing
 * indexes with their tables (quick_check), the chain from `from` (a point an earlier check verified, signed outside
 * the database) and the records written since that row; what is older was verified then, and `full` reads it again.
 */
export type IntegrityOptions = { readonly mode: 'full' } | { readonly mode: 'quick'; readonly from: ChainPoint };

export interface IntegrityReport {
  readonly ok: boolean;
  readonly mode: 'full' | 'quick';
  /** PRAGMA integrity_check (full) or quick_check (quick): ['ok'] when nothing is wrong. */
  readonly integrity: string[];
  readonly schemaVersion: number;
  readonly audit: AuditVerification;
  /** Crossing, correction, override and evidence rows against the content their audit rows recorded (quick: since `from`). */
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

  verifyAudit(from?: ChainPoint): AuditVerification {
    return this.audit.verify(from);
  }

  checkIntegrity(options: IntegrityOptions = { mode: 'full' }): IntegrityReport {
    const pragma = options.mode === 'full' ? 'integrity_check' : 'quick_check';
    const integrity = (this.db.pragma(pragma) as Record<string, string>[]).map((row) => String(row[pragma]));
    const from = options.mode === 'quick' ? options.from : undefined;
    const audit = this.audit.verify(from);
    // The records of the rows after the verified one: recorded at or after that row's time.
    const since = from && from.seq > 0 ? this.db.prepare<[number], { at: string }>('SELECT at FROM audit_log WHERE seq = ?').get(from.seq)?.at : undefined;
    const content = since === undefined ? checkAuditContent(this.db) : checkAuditContent(this.db, { fromMs: Date.parse(since), toMs: END_OF_TIME_MS });
    const schema = checkSchema(this.db);
    const ok = integrity.length === 1 && integrity[0] === 'ok' && audit.ok && content.ok && schema.ok;
    return { ok, mode: options.mode, integrity, schemaVersion: this.schemaVersion(), audit, content, schema };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
