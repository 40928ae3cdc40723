import type Database from 'better-sqlite3';

/**
 * Prepared statements by their SQL text, each prepared on first use: repositories whose queries are built from
 * a few fragments prepare each distinct text once per connection instead of once per call.
 */
export class StatementCache {
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }
}
