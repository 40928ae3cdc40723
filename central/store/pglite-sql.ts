import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Sql } from './sql';

type Queryable = Pick<Transaction, 'query' | 'exec'>;

function over(client: Queryable, transaction: Sql['transaction'], close: () => Promise<void>): Sql {
  return {
    kind: 'pglite',
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await client.query<Row>(text, params as unknown[]);
      return result.rows.map(numbersFromBigints) as Row[];
    },
    async exec(text: string) {
      await client.exec(text);
    },
    transaction,
    close,
  };
}

// PGlite answers int8 as bigint; the pg adapter gives numbers, and the hub's values fit in 2^53.
function numbersFromBigints<Row>(row: Row): Row {
  const record = row as Record<string, unknown>;
  for (const key of Object.keys(record)) if (typeof record[key] === 'bigint') record[key] = Number(record[key]);
  return row;
}

/**
 * The embedded database: PostgreSQL compiled to WASM, kept in `dataDir` (in memory when null). One
 * connection: transactions run one after another, which is all a laptop hub needs.
 */
export async function pgliteSql(dataDir: string | null): Promise<Sql> {
  const db = dataDir === null ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  const nested: Sql['transaction'] = () => Promise.reject(new Error('nested transactions are not used by the hub'));
  const transaction: Sql['transaction'] = (work) => db.transaction((tx) => work(over(tx, nested, async () => undefined)));
  return over(db, transaction, () => db.close());
}
