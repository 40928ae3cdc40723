import { z } from 'zod';
import type { Sql } from '../store/sql';

/** What a station did with one package, as it reports it (`POST /packages/reports`). */
export const PackageReportSchema = z.strictObject({
  seq: z.number().int().positive(),
  outcome: z.enum(['applied', 'skipped', 'refused']),
  detail: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])),
  errorKey: z.string().max(100).nullable(),
  actedAt: z.iso.datetime({ offset: true }),
});
export const PackageReportsBody = z.strictObject({ reports: z.array(PackageReportSchema).max(200) });
export type PackageReport = z.infer<typeof PackageReportSchema>;

/**
 * Records a station's reports: only of packages addressed to it (its own, its corridor's, or all); a report of
 * another package is ignored. A package reported again (after a USB import, say) keeps the latest report.
 */
export async function recordPackageReports(sql: Sql, station: { stationId: string; corridorId: string | null }, reports: readonly PackageReport[]): Promise<number> {
  if (reports.length === 0) return 0;
  const rows = await sql.query<{ seq: string }>(
    `INSERT INTO package_reports (station_id, seq, outcome, detail, error_key, acted_at)
     SELECT $1, r.seq, r.outcome, r.detail, r.error_key, r.acted_at
       FROM unnest($3::bigint[], $4::text[], $5::jsonb[], $6::text[], $7::timestamptz[]) AS r(seq, outcome, detail, error_key, acted_at)
       JOIN packages p ON p.seq = r.seq
      WHERE p.station_id = $1 OR (p.station_id IS NULL AND (p.corridor_id IS NULL OR p.corridor_id = $2))
     ON CONFLICT (station_id, seq) DO UPDATE SET outcome = EXCLUDED.outcome, detail = EXCLUDED.detail, error_key = EXCLUDED.error_key,
       acted_at = EXCLUDED.acted_at, reported_at = now()
     RETURNING seq`,
    [
      station.stationId,
      station.corridorId,
      reports.map((r) => r.seq),
      reports.map((r) => r.outcome),
      reports.map((r) => JSON.stringify(r.detail)),
      reports.map((r) => r.errorKey),
      reports.map((r) => r.actedAt),
    ],
  );
  return rows.length;
}

export interface AppliedPackage {
  readonly seq: number;
  readonly kind: string;
  readonly name: string;
  readonly outcome: 'applied' | 'skipped' | 'refused';
  readonly detail: Record<string, unknown>;
  readonly errorKey: string | null;
  readonly actedAt: string;
  readonly reportedAt: string;
}

/** What a station reported it did with the hub's packages, newest first (station health, `station applied`). */
export async function appliedPackages(sql: Sql, stationId: string, limit = 100): Promise<AppliedPackage[]> {
  const rows = await sql.query<{ seq: string; kind: string; name: string; outcome: AppliedPackage['outcome']; detail: Record<string, unknown>; error_key: string | null; acted_at: Date; reported_at: Date }>(
    `SELECT r.seq, p.kind, p.name, r.outcome, r.detail, r.error_key, r.acted_at, r.reported_at
       FROM package_reports r JOIN packages p USING (seq) WHERE r.station_id = $1 ORDER BY r.seq DESC LIMIT $2`,
    [stationId, limit],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    kind: r.kind,
    name: r.name,
    outcome: r.outcome,
    detail: r.detail,
    errorKey: r.error_key,
    actedAt: new Date(r.acted_at).toISOString(),
    reportedAt: new Date(r.reported_at).toISOString(),
  }));
}
