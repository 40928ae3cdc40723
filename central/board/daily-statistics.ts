import { type BoardSql, isoOf } from './board-sql';

/** Crossings placed on corridors, per UTC day, corridor, checkpoint and what happened there. */
export interface DailyCount {
  readonly day: string;
  readonly corridorId: string;
  readonly checkpointId: string;
  readonly crossed: number;
  readonly refused: number;
  readonly held: number;
}

/** Daily counts from the journeys' events since `sinceMs` (the partitions of those months only). */
export async function dailyStatistics(sql: BoardSql, sinceMs: number): Promise<DailyCount[]> {
  const rows = await sql.query<{ day: string; corridor_id: string; checkpoint_id: string; crossed: number; refused: number; held: number }>(
    `SELECT to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, corridor_id, checkpoint_id,
            count(*) FILTER (WHERE disposition = 'crossed')::int AS crossed,
            count(*) FILTER (WHERE disposition = 'refused')::int AS refused,
            count(*) FILTER (WHERE disposition = 'held')::int AS held
       FROM journey_events WHERE recorded_at >= $1
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [isoOf(sinceMs)],
  );
  return rows.map((r) => ({ day: r.day, corridorId: r.corridor_id, checkpointId: r.checkpoint_id, crossed: r.crossed, refused: r.refused, held: r.held }));
}
