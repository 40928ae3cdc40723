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
}
