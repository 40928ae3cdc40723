import fs from 'node:fs';
import path from 'node:path';
import { loadOrCreateHubKey, type HubKey } from './hub-key';
import { migrateCentral } from './migrate';
import { pgSql } from './pg-sql';
import { pgliteSql } from './pglite-sql';
import type { Sql } from './sql';
import { StationsRepo } from './stations-repo';

export interface CentralStoreOptions {
  /** `postgresql://…`: a PostgreSQL server. Without it the embedded PGlite database in `dataDir` is used. */
  readonly databaseUrl?: string | undefined;
  /** Raw bundles (content-addressed) and, without a URL, the PGlite database. null: PGlite in memory (tests). */
  readonly dataDir: string | null;
}

export interface CentralStore {
  readonly sql: Sql;
  readonly stations: StationsRepo;
  readonly hubKey: HubKey;
  /** Where raw bundles are kept; null keeps none (an in-memory smoke test). */
  readonly bundleDir: string | null;
  close(): Promise<void>;
}

/** Opens (and migrates) the hub's database. */
export async function openCentralStore(options: CentralStoreOptions): Promise<CentralStore> {
  if (options.dataDir !== null) fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const unlock = !options.databaseUrl && options.dataDir !== null ? lockEmbedded(options.dataDir) : () => undefined;
  let sql: Sql;
  try {
    sql = options.databaseUrl ? pgSql(options.databaseUrl) : await pgliteSql(options.dataDir === null ? null : path.join(options.dataDir, 'pglite'));
  } catch (error) {
    unlock();
    throw error;
  }
  try {
    await migrateCentral(sql);
    const hubKey = await loadOrCreateHubKey(sql);
    return {
      sql,
      stations: new StationsRepo(sql),
      hubKey,
      bundleDir: options.dataDir === null ? null : path.join(options.dataDir, 'bundles'),
      close: async () => {
        try {
          await sql.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (error) {
    await sql.close().catch(() => undefined);
    unlock();
    throw error;
  }
}

export class EmbeddedDatabaseBusyError extends Error {}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it. A pid file
 * refuses the second one (a running `serve` and a `station add` on the same --data-dir) by name; a file left
 * by a killed process is taken over.
 */
function lockEmbedded(dataDir: string): () => void {
  const file = path.join(dataDir, 'pglite.pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new EmbeddedDatabaseBusyError(`the embedded database in ${dataDir} is in use by process ${pid} (a running hub): stop it first, or use a PostgreSQL server (--database-url)`);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new EmbeddedDatabaseBusyError(`the embedded database in ${dataDir} could not be locked`);
}
