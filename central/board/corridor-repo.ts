import { validateCorridorChain, type ChainProblemCode, type CorridorChain } from '../../shared/domain/corridor/journey';
import { err, ok, type Problem, type Result } from '../../shared/domain/result';
import type { BoardSql } from './board-sql';
import { appendCentralAudit } from './central-audit';

export interface RegisteredCorridor {
  readonly chain: CorridorChain;
  readonly name: string;
  /** Counts up on every change; stations apply a published corridor only when it is newer than theirs. */
  readonly version: number;
}

interface StepRow {
  corridor_id: string;
  name: string;
  version: number;
  position: number;
  checkpoint_id: string;
  country: string;
  direction: 'entry' | 'exit';
  expected_minutes: number | null;
  max_minutes: number | null;
}

/** Every corridor in service, with its steps in order. */
export async function loadCorridors(sql: BoardSql): Promise<RegisteredCorridor[]> {
  const rows = await sql.query<StepRow>(
    `SELECT c.corridor_id, c.name, c.version, s.position, s.checkpoint_id, s.country, s.direction, s.expected_minutes, s.max_minutes
       FROM corridors c JOIN corridor_steps s USING (corridor_id)
      WHERE c.retired_at IS NULL ORDER BY c.corridor_id, s.position`,
  );
  const byId = new Map<string, { name: string; version: number; rows: StepRow[] }>();
  for (const row of rows) {
    const entry = byId.get(row.corridor_id) ?? { name: row.name, version: row.version, rows: [] };
    entry.rows.push(row);
    byId.set(row.corridor_id, entry);
  }
  return [...byId.entries()].map(([id, { name, version, rows: steps }]) => ({
    name,
    version,
    chain: {
      id,
      steps: steps.map((s) => ({ checkpointId: s.checkpoint_id, country: s.country, direction: s.direction })),
      legs: steps.slice(0, -1).map((s) => ({ expectedMinutes: s.expected_minutes!, maxMinutes: s.max_minutes! })),
    },
  }));
}

/**
 * Registers a corridor or changes one (a hub administrator's act, kept in the central audit trail). The
 * journeys already placed keep their steps; a changed chain applies to crossings ingested from now on.
 */
export async function saveCorridor(sql: BoardSql, input: { readonly chain: CorridorChain; readonly name: string }, actor: string): Promise<Result<RegisteredCorridor, Problem<ChainProblemCode>>> {
  const valid = validateCorridorChain(input.chain);
  if (!valid.ok) return err(valid.error);
  const chain = valid.value;
  const [row] = await sql.query<{ version: number }>(
    `INSERT INTO corridors (corridor_id, name, created_by) VALUES ($1, $2, $3)
     ON CONFLICT (corridor_id) DO UPDATE SET name = EXCLUDED.name, version = corridors.version + 1, updated_at = now(), retired_at = NULL
     RETURNING version`,
    [chain.id, input.name, actor],
  );
  await sql.query('DELETE FROM corridor_steps WHERE corridor_id = $1', [chain.id]);
  await sql.query(
    `INSERT INTO corridor_steps (corridor_id, position, checkpoint_id, country, direction, expected_minutes, max_minutes)
     SELECT $1, p, c, k, d, e, m FROM unnest($2::smallint[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[]) AS t(p, c, k, d, e, m)`,
    [
      chain.id,
      chain.steps.map((_, i) => i),
      chain.steps.map((s) => s.checkpointId),
      chain.steps.map((s) => s.country),
      chain.steps.map((s) => s.direction),
      chain.steps.map((_, i) => chain.legs[i]?.expectedMinutes ?? null),
      chain.steps.map((_, i) => chain.legs[i]?.maxMinutes ?? null),
    ],
  );
  const version = row!.version;
  await appendCentralAudit(sql, { actor, action: 'corridor.saved', subject: `corridor:${chain.id}`, details: { version, name: input.name, steps: chain.steps, legs: chain.legs } });
  return ok({ chain, name: input.name, version });
}
