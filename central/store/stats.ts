import type { Sql } from './sql';

export interface HubStats {
  readonly stations: number;
  readonly bundles: number;
  readonly crossings: number;
  readonly rejected: number;
}

export async function hubStats(sql: Sql): Promise<HubStats> {
  const [row] = await sql.query<HubStats>(
    `SELECT (SELECT count(*) FROM stations)::int AS stations,
            (SELECT count(*) FROM bundles WHERE superseded_by IS NULL)::int AS bundles,
            (SELECT count(*) FROM crossings)::bigint AS crossings,
            (SELECT count(*) FROM rejections)::int AS rejected`,
  );
  return { stations: Number(row?.stations), bundles: Number(row?.bundles), crossings: Number(row?.crossings), rejected: Number(row?.rejected) };
}
