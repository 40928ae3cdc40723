import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Sql } from './sql';

// int8 (counts, sequences) as numbers: every value the hub stores fits in 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (text) => Number(text));

type Queryable = Pick<pg.PoolClient, 'query'>;

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/** A value in COPY's text format: \N for NULL; backslash, newline, carriage return and tab escaped. */
const copyText = (value: string | number | null): string => (value === null ? '\\N' : String(value).replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c] ?? c));

/** The rows as COPY text, in chunks of ~64 KB (one write per chunk, not per row). */
function* copyChunks(rows: Iterable<readonly (string | number | null)[]>): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(copyText).join('\t')}\n`;
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function copyOn(client: pg.PoolClient): NonNullable<Sql['copyRows']> {
  return async (table, columns, rows) => {
    const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    await pipeline(Readable.from(copyChunks(rows)), stream);
  };
}

function over(client: Queryable, transaction: Sql['transaction'], close: () => Promise<void>, copyRows?: Sql['copyRows']): Sql {
  return {
    ...(copyRows ? { copyRows } : {}),
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
      const result = await work(over(client, nested, async () => undefined, copyOn(client)));
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
