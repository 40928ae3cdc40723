import init from './0001_init.sql';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Numbered, append-only: never edit a shipped migration, add the next number instead. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: '0001_init', sql: init }];

export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
