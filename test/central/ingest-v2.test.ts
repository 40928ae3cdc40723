import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ingestBundle, type IngestOutcome } from '../../central/ingest/ingest-bundle';
import { exportBundle } from '../../shared/app/export/export-bundle';
import { register } from '../support/central-store';
import { DAY1_START, DAY_MS, openTestStation, voidCrossing } from '../support/export-station';
import type { CentralStore } from '../../central/store/open-store';
import type { StationRecord } from '../../central/store/stations-repo';
import { readBundle } from '../../shared/node/export';
import { centralAdminUrl } from '../support/central-db';
import { openTestHub } from '../support/central-store';
import { openGoldenStation, type GoldenStation } from '../support/golden-export';
import { tempDir } from '../support/temp-dir';

const V1_FIXTURE = path.resolve(__dirname, '../fixtures/export/checkpoint-export_STN-GOLD01_2021-03-01');

const codeOf = (outcome: IngestOutcome): string => (outcome.kind === 'rejected' ? `${outcome.code}: ${outcome.message}` : outcome.kind);

function bundleAt(target: string): { files: Map<string, Uint8Array>; raw: Uint8Array } {
  const read = readBundle(target);
  if (!read.ok) throw new Error(read.message);
  const raw = fs.statSync(target).isDirectory() ? zipSync(Object.fromEntries(read.files)) : fs.readFileSync(target);
  return { files: new Map(read.files), raw };
}

async function hubFor(golden: GoldenStation): Promise<{ store: CentralStore; record: StationRecord }> {
  const store = await openTestHub();
  const { station: record } = await store.stations.add(golden.stationId, { publicKey: golden.key.publicKey, fingerprint: golden.key.fingerprint });
  return { store, record };
}

interface StoredRow {
  sequence: number;
  disposition: string | null;
  current_disposition: string | null;
  current_outcome: string | null;
  current_direction: string | null;
  current_group_id: string | null;
  paired_crossing_id: string | null;
  overrides: { by: { name: string; role: string } }[] | null;
  corrections: { kind: string }[] | null;
  evidence: { kind: string; certificateIdSha256: string | null }[] | null;
}

const rowsOf = async (store: CentralStore): Promise<Map<number, StoredRow>> =>
  new Map(
    (
      await store.sql.query<StoredRow>(
        `SELECT sequence::int AS sequence, disposition, current_disposition, current_outcome, current_direction, current_group_id, paired_crossing_id,
           overrides, corrections, evidence FROM crossings ORDER BY sequence`,
      )
    ).map((r) => [r.sequence, r]),
  );

describe.skipIf(!centralAdminUrl())('the hub takes bundles of schema version 1 and 2', () => {
  it('stores a v2 bundle with dispositions, the state now, pairings, overrides, corrections and evidence summaries', async () => {
    const golden = openGoldenStation(tempDir());
    try {
      const [day] = await golden.write(tempDir('usb-'), 'zip');
      const { store, record } = await hubFor(golden);
      const bundle = bundleAt(day!.path);
      expect(codeOf(await ingestBundle(store, { ...bundle, station: record, via: 'usb' }))).toBe('stored');
      const rows = await rowsOf(store);
      expect(rows.size).toBe(88);
      expect(rows.get(7)).toMatchObject({ disposition: 'held', current_disposition: 'crossed', current_outcome: 'NEEDS_CROSS_CHECK' });
      expect(rows.get(7)?.overrides?.[0]?.by).toMatchObject({ name: 'Зарина Юсупова', role: 'consular' });
      expect(rows.get(10)).toMatchObject({ disposition: 'refused', current_disposition: 'crossed', current_outcome: 'OK' });
      expect(rows.get(10)?.corrections?.map((c) => c.kind)).toEqual(['rejudge', 'admit']);
      expect(rows.get(12)).toMatchObject({ current_direction: 'entry' });
      expect(rows.get(20)).toMatchObject({ current_disposition: 'cancelled' });
      expect(rows.get(3)).toMatchObject({ current_group_id: 'grp-bus-03' });
      expect(rows.get(4)?.paired_crossing_id).toBe('00000000-0000-4000-8000-000000000006');
      expect(rows.get(9)?.paired_crossing_id).toBe('ffffffff-0000-4000-8000-000000000001');
      expect(rows.get(2)?.evidence?.[0]).toMatchObject({ kind: 'dcc', certificateIdSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const [bundleRow] = await store.sql.query<{ schema_version: number }>('SELECT schema_version FROM bundles');
      expect(bundleRow?.schema_version).toBe(2);
    } finally {
      golden.store.close();
    }
  });

  it('still stores a v1 bundle, its rows without what v1 did not say', async () => {
    const golden = openGoldenStation(tempDir());
    try {
      const { store, record } = await hubFor(golden);
      expect(codeOf(await ingestBundle(store, { ...bundleAt(V1_FIXTURE), station: record, via: 'usb' }))).toBe('stored');
      const rows = await rowsOf(store);
      expect(rows.size).toBe(88);
      expect(rows.get(7)).toMatchObject({ disposition: null, current_disposition: null, paired_crossing_id: null, overrides: null, evidence: null });
      const [bundleRow] = await store.sql.query<{ schema_version: number }>('SELECT schema_version FROM bundles');
      expect(bundleRow?.schema_version).toBe(1);
    } finally {
      golden.store.close();
    }
  });

  it('applies a superseding bundle only after the one it replaces, and then holds each crossing once in its state now', async () => {
    const station = openTestStation(tempDir('hub-station-'));
    try {
      station.record(5, DAY1_START + 8 * 3_600_000, 600_000);
      station.record(3, DAY1_START + DAY_MS + 8 * 3_600_000, 600_000);
      const usb = tempDir('usb-');
      const day = (n: number) => ({ fromMs: DAY1_START + n * DAY_MS, toMs: DAY1_START + (n + 1) * DAY_MS, folder: usb, format: 'zip' as const });
      const a = await exportBundle(station.deps, day(0));
      const b = await exportBundle(station.deps, day(1));
      const second = station.store.listCrossings({ limit: 10 }).items.find((c) => c.sequence === 2)!;
      voidCrossing(station, second, DAY1_START + 2 * DAY_MS);
      const a2 = await exportBundle(station.deps, day(0));
      const send = (store: CentralStore, record: StationRecord, target: string) => ingestBundle(store, { ...bundleAt(target), station: record, via: 'http' });

      const store = await openTestHub();
      const { record } = await register(store, station);
      const early = await send(store, record, a2.destination as string);
      expect(early).toMatchObject({ kind: 'rejected', code: 'predecessor-missing', status: 409, retryable: true });
      expect(early.kind === 'rejected' && early.message).toContain(a.manifestSha256);
      for (const target of [a, b, a2]) expect(codeOf(await send(store, record, target.destination as string))).toBe('stored');
      expect(codeOf(await send(store, record, a2.destination as string))).toBe('duplicate');

      const bundles = await store.sql.query<{ manifest_sha256: string; superseded_by: string | null; supersedes: string | null; changed_sequences: string[] | null }>(
        'SELECT manifest_sha256, superseded_by, supersedes, changed_sequences FROM bundles ORDER BY received_at, manifest_sha256',
      );
      expect(bundles.find((x) => x.manifest_sha256 === a.manifestSha256)).toMatchObject({ superseded_by: a2.manifestSha256, supersedes: null });
      expect(bundles.find((x) => x.manifest_sha256 === a2.manifestSha256)).toMatchObject({ superseded_by: null, supersedes: a.manifestSha256 });
      expect(bundles.find((x) => x.manifest_sha256 === a2.manifestSha256)?.changed_sequences?.map(Number)).toEqual([2]);
      const rows = await store.sql.query<{ sequence: number; bundle_sha256: string; current_disposition: string }>(
        'SELECT sequence::int AS sequence, bundle_sha256, current_disposition FROM crossings ORDER BY sequence',
      );
      expect(rows.map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(rows.filter((r) => r.sequence <= 5).every((r) => r.bundle_sha256 === a2.manifestSha256)).toBe(true);
      expect(rows.find((r) => r.sequence === 2)?.current_disposition).toBe('cancelled');

      // A second replacement of the bundle already replaced is a fork: refused by name. (The station's history is
      // made to name the first bundle again, as a station restored from an old backup would.)
      station.store.transaction(() => station.deps.exports.insert({ ...station.deps.exports.get(a.id)!, id: crypto.randomUUID(), createdAt: new Date(DAY1_START + 9 * DAY_MS).toISOString() }));
      const forked = await exportBundle(station.deps, day(0));
      expect(await send(store, record, forked.destination as string)).toMatchObject({ kind: 'rejected', code: 'overlap' });
    } finally {
      station.store.close();
    }
  });
});
