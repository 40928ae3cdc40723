import type Database from 'better-sqlite3';
import type { Role } from '../../domain/auth';

export interface OperatorRow {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly pinHash: string;
  readonly failedAttempts: number;
  readonly lockedUntilMs: number | null;
  readonly active: boolean;
  /** The PIN was set by an administrator: it signs in only to choose a new one. */
  readonly pinMustChange: boolean;
  readonly createdAt: string;
}

interface DbRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  pin_hash: string;
  failed_attempts: number;
  locked_until_ms: number | null;
  active: number;
  pin_must_change: number;
  created_at: string;
}

const toRow = (r: DbRow): OperatorRow => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  pinHash: r.pin_hash,
  failedAttempts: r.failed_attempts,
  lockedUntilMs: r.locked_until_ms,
  active: r.active === 1,
  pinMustChange: r.pin_must_change === 1,
  createdAt: r.created_at,
});

/** The people who sign in (operators, consular staff, shift leads, admins) with their PIN hashes. */
export class OperatorsRepo {
  private readonly countStatement: Database.Statement<[], { n: number }>;
  private readonly byName: Database.Statement<[string], DbRow>;
  private readonly byId: Database.Statement<[string], DbRow>;
  private readonly insertStatement: Database.Statement;
  private readonly lockStatement: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.countStatement = db.prepare('SELECT count(*) AS n FROM operators');
    this.byName = db.prepare('SELECT * FROM operators WHERE username = ?');
    this.byId = db.prepare('SELECT * FROM operators WHERE id = ?');
    this.insertStatement = db.prepare(
      `INSERT INTO operators (id, username, display_name, role, pin_hash, created_at, updated_at)
       VALUES (@id, @username, @displayName, @role, @pinHash, @createdAt, @createdAt)`,
    );
    this.lockStatement = db.prepare('UPDATE operators SET failed_attempts = @failedAttempts, locked_until_ms = @lockedUntilMs, updated_at = @at WHERE id = @id');
  }

  count(): number {
    return this.countStatement.get()?.n ?? 0;
  }

  findByUsername(username: string): OperatorRow | undefined {
    const row = this.byName.get(username);
    return row ? toRow(row) : undefined;
  }

  get(id: string): OperatorRow | undefined {
    const row = this.byId.get(id);
    return row ? toRow(row) : undefined;
  }

  list(): OperatorRow[] {
    return this.db.prepare<[], DbRow>('SELECT * FROM operators ORDER BY username').all().map(toRow);
  }

  insert(row: Pick<OperatorRow, 'id' | 'username' | 'displayName' | 'role' | 'pinHash' | 'createdAt'>): void {
    this.insertStatement.run(row);
  }

  setLock(id: string, failedAttempts: number, lockedUntilMs: number | null, at: string): void {
    this.lockStatement.run({ id, failedAttempts, lockedUntilMs, at });
  }

  setActive(id: string, active: boolean, at: string): void {
    this.db.prepare('UPDATE operators SET active = ?, updated_at = ? WHERE id = ?').run(active ? 1 : 0, at, id);
  }

  setRole(id: string, role: Role, at: string): void {
    this.db.prepare('UPDATE operators SET role = ?, updated_at = ? WHERE id = ?').run(role, at, id);
  }

  /** A new PIN also ends any lock: whoever set it knows it. */
  setPin(id: string, pinHash: string, mustChange: boolean, at: string): void {
    this.db
      .prepare('UPDATE operators SET pin_hash = ?, pin_must_change = ?, failed_attempts = 0, locked_until_ms = NULL, updated_at = ? WHERE id = ?')
      .run(pinHash, mustChange ? 1 : 0, at, id);
  }

  countActiveAdmins(): number {
    return this.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM operators WHERE role = 'admin' AND active = 1").get()?.n ?? 0;
  }
}
