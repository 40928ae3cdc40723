import { describe, expect, it } from 'vitest';
import { pgSql } from '../../central/store/pg-sql';
import { centralAdminUrl, createTestDatabase } from '../support/central-db';

describe.skipIf(!centralAdminUrl())('COPY into PostgreSQL (the hub loads crossings with it)', () => {
  it('round-trips NULL, tabs, newlines, backslashes, the literal \\N and JSON with escapes, and rolls back with its transaction', async () => {
    const sql = pgSql(await createTestDatabase());
    try {
      await sql.exec('CREATE TABLE t (n int4, s text, j jsonb)');
      const rows: (string | number | null)[][] = [
        [1, 'plain', '{"a": 1}'],
        [2, null, null],
        [3, 'tab\there, new\nline, cr\r, back\\slash', JSON.stringify({ name: 'Ҷураев\t"quoted"\n\\' })],
        [4, '\\N', '"\\\\N"'],
      ];
      await sql.transaction(async (tx) => {
        if (!tx.copyRows) throw new Error('no COPY on a PostgreSQL transaction');
        await tx.copyRows('t', ['n', 's', 'j'], rows);
      });
      const back = await sql.query<{ n: number; s: string | null; j: unknown }>('SELECT n, s, j FROM t ORDER BY n');
      expect(back).toEqual(rows.map(([n, s, j]) => ({ n, s, j: j === null ? null : JSON.parse(j as string) })));
      // A failing transaction takes its COPY with it.
      await expect(
        sql.transaction(async (tx) => {
          await tx.copyRows?.('t', ['n', 's', 'j'], [[5, 'x', '{}']]);
          throw new Error('later step failed');
        }),
      ).rejects.toThrow('later step failed');
      expect(await sql.query('SELECT n FROM t WHERE n = 5')).toEqual([]);
      // Outside a transaction there is no COPY (the pool hands out a connection per query).
      expect(sql.copyRows).toBeUndefined();
    } finally {
      await sql.close();
    }
  });
});
