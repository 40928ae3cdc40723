import pg from 'pg';
import type { Sql } from './sql';

// int8 (counts, sequences) as numbers: every value the hub stores fits in 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (text) => Number(text));

type Queryable = Pick<pg.PoolClient, 'query'>;

function over(client: Queryable, transaction: Sql['transaction'], close: () => Promise<void>): Sql {
  return {
    kind: 'postgres',
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, params as unknown[]);
      return result.rows as Row[];
    },
    async exec(text: string) {
      await client.query(text);
    },
    transaction,
    close,
  };
}

/** A pool of connections to a PostgreSQL server (`postgresql://…`). */
export function pgSql(databaseUrl: string, options: { max?: number } = {}): Sql {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10 });
  // An idle connection dropped by the server must not crash the hub; the next query gets a new one.
  pool.on('error', () => undefined);
  const transaction: Sql['transaction'] = async (work) => {
    const client = await pool.connect();
    const nested: Sql['transaction'] = () => Promise.reject(new Error('nested transactions are not used by the hub'));
    try {
      await client.query('BEGIN');
      const result = await work(over(client, nested, async () => undefined));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  return over(pool, transaction, () => pool.end());
}
