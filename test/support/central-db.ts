import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

/** The PostgreSQL server of this run (see postgres-global-setup.ts), or null when there is none. */
export const centralAdminUrl = (): string | null => inject('centralAdminUrl');

const created: string[] = [];

/** A new empty database on the run's server, dropped after the test file: each file starts clean. */
export async function createTestDatabase(): Promise<string> {
  const admin = centralAdminUrl();
  if (!admin) throw new Error('no PostgreSQL server for this run');
  const name = `hub_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  created.push(name);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

afterAll(async () => {
  const admin = centralAdminUrl();
  if (!admin || created.length === 0) return;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    for (const name of created.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
});
