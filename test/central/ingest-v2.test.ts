import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ingestBundle, type IngestOutcome } from '../../central/ingest/ingest-bundle';
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
});
