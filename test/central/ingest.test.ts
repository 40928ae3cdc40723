import { generateKeyPairSync, createHash } from 'node:crypto';
import { zipSync, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestBundle, type IngestOutcome } from '../../central/ingest/ingest-bundle';
import type { CentralStore } from '../../central/store/open-store';
import { verifyReceipt } from '../../shared/domain/central';
import { centralAdminUrl } from '../support/central-db';
import { filesOf, openTestHub, register } from '../support/central-store';
import { stationWithBundles, type TestBundle } from '../support/hub-bundles';
import type { TestStation } from '../support/export-station';

let station: TestStation;
let bundles: TestBundle[];

beforeAll(async () => {
  ({ station, bundles } = await stationWithBundles('ZHIBEK-ZHOLY', 4, 30));
});

const post = (store: CentralStore, bundle: TestBundle, record: Awaited<ReturnType<typeof register>>['record'], key = bundle.manifestSha256) =>
  ingestBundle(store, { files: filesOf(bundle), raw: bundle.zip, station: record, idempotencyKey: key, via: 'http' });

const codeOf = (outcome: IngestOutcome): string => (outcome.kind === 'rejected' ? outcome.code : outcome.kind);

const count = async (store: CentralStore, table: string): Promise<number> => Number((await store.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);

describe.skipIf(!centralAdminUrl())('ingest on PostgreSQL', () => {
  it('stores a bundle with its rows, answers with a receipt the station verifies, and the same answer again', async () => {
    const store = await openTestHub();
    const { record } = await register(store, station);
    const first = await post(store, bundles[0] as TestBundle, record);
    expect(first.kind).toBe('stored');
    if (first.kind === 'rejected') return;
    const check = await verifyReceipt(first.signed, { hubPublicKey: store.hubKey.publicKey, manifestSha256: bundles[0]?.manifestSha256 ?? '', stationId: 'ZHIBEK-ZHOLY' });
    expect(check.ok).toBe(true);
    expect(first.signed.receipt.rows).toEqual({ crossings: 30, alerts: 1 });
    expect(await count(store, 'crossings')).toBe(30);
    expect(await count(store, 'alerts')).toBe(1);
    const [row] = await store.sql.query<{ surname: string; sequence: number; month: string }>(
      `SELECT surname, sequence, tableoid::regclass::text AS month FROM crossings ORDER BY sequence LIMIT 1`,
    );
    expect(row).toMatchObject({ sequence: 1, month: 'crossings_2021_03' });

    const again = await post(store, bundles[0] as TestBundle, record);
    expect(again).toEqual({ kind: 'duplicate', signed: first.signed });
    expect(await count(store, 'crossings')).toBe(30);
  });

  it('concurrent duplicate POSTs store the bundle once and all get the same receipt', async () => {
    const store = await openTestHub();
    const { record } = await register(store, station);
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => post(store, bundles[0] as TestBundle, record)));
    expect(outcomes.filter((o) => o.kind === 'stored')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'duplicate')).toHaveLength(5);
    const signatures = new Set(outcomes.map((o) => (o.kind === 'rejected' ? '' : o.signed.signature)));
    expect(signatures.size).toBe(1);
    expect(await count(store, 'bundles')).toBe(1);
    expect(await count(store, 'crossings')).toBe(30);
  });

  it('a gap is refused, raised as a station alert, and clears when the missing bundle arrives', async () => {
    const store = await openTestHub();
    const { record } = await register(store, station);
    expect(codeOf(await post(store, bundles[0] as TestBundle, record))).toBe('stored');
    const gap = await post(store, bundles[2] as TestBundle, record);
    expect(gap).toMatchObject({ kind: 'rejected', code: 'gap', status: 409, retryable: true });
    const alerts = await store.sql.query<{ kind: string; resolved_at: Date | null }>(`SELECT kind, resolved_at FROM station_alerts`);
    expect(alerts).toEqual([{ kind: 'gap', resolved_at: null }]);
    expect(codeOf(await post(store, bundles[1] as TestBundle, record))).toBe('stored');
    expect(codeOf(await post(store, bundles[2] as TestBundle, record))).toBe('stored');
    expect((await store.sql.query<{ resolved_at: Date | null }>(`SELECT resolved_at FROM station_alerts`))[0]?.resolved_at).not.toBeNull();
    expect(await count(store, 'crossings')).toBe(90);
    // Arriving late and alone, the first day is checked against the day after it.
    const later = await openTestHub();
    const { record: again } = await register(later, station);
    expect(codeOf(await post(later, bundles[1] as TestBundle, again))).toBe('stored');
    expect(codeOf(await post(later, bundles[0] as TestBundle, again))).toBe('stored');
    expect(codeOf(await post(later, bundles[3] as TestBundle, again))).toBe('gap');
  });

  it('refuses, by name, every bundle it must not store, and keeps nothing of it', async () => {
    const store = await openTestHub();
    const { record } = await register(store, station);
    const bundle = bundles[0] as TestBundle;

    // Revoked.
    await store.stations.revoke(station.stationId);
    expect(await post(store, bundle, { ...record, revokedAt: new Date().toISOString() })).toMatchObject({ code: 'station-revoked', status: 403 });
    // Registered with another key.
    const other = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' });
    const { station: rotated } = await store.stations.rotateKey(station.stationId, { publicKey: other.toString('base64'), fingerprint: createHash('sha256').update(other).digest('hex') });
    expect(await post(store, bundle, rotated)).toMatchObject({ code: 'wrong-key', status: 422 });
    const { station: back } = await store.stations.rotateKey(station.stationId, { publicKey: station.key.publicKey, fingerprint: station.key.fingerprint });
    // A tampered file: one surname changed in the JSONL.
    const files = unzipSync(bundle.zip);
    const jsonl = new TextDecoder().decode(files['crossings.jsonl']);
    files['crossings.jsonl'] = new TextEncoder().encode(jsonl.replace('JURAEV', 'JURAEW'));
    const tampered = Buffer.from(zipSync(files));
    const outcome = await ingestBundle(store, { files: filesOf({ ...bundle, zip: tampered }), raw: tampered, station: back, idempotencyKey: bundle.manifestSha256, via: 'http' });
    expect(outcome).toMatchObject({ code: 'bundle-invalid', status: 422, retryable: false });
    expect(outcome.kind === 'rejected' && outcome.problems.map((p) => p.code)).toContain('hash-mismatch');
    // An Idempotency-Key that is not the manifest's hash.
    expect(await post(store, bundle, back, 'f'.repeat(64))).toMatchObject({ code: 'idempotency-key-mismatch' });
    // Another station's credential.
    const { station: otherStation } = await store.stations.add('OYBEK', { publicKey: other.toString('base64'), fingerprint: createHash('sha256').update(other).digest('hex') });
    expect(await post(store, bundle, otherStation)).toMatchObject({ code: 'station-mismatch', status: 403 });
    // Unknown station, carried on a stick.
    const fresh = await openTestHub();
    expect(await ingestBundle(fresh, { files: filesOf(bundle), raw: bundle.zip, station: null, via: 'usb' })).toMatchObject({ code: 'unknown-station' });

    expect(await count(store, 'bundles')).toBe(0);
    expect(await count(store, 'crossings')).toBe(0);
    const codes = (await store.sql.query<{ code: string }>(`SELECT code FROM rejections ORDER BY id`)).map((r) => r.code);
    expect(codes).toEqual(['station-revoked', 'wrong-key', 'bundle-invalid', 'idempotency-key-mismatch', 'station-mismatch']);
    // And after all that, the untouched bundle is stored.
    expect(codeOf(await post(store, bundle, back))).toBe('stored');
  });

  it('the database itself refuses a second live copy of a crossing', async () => {
    const store = await openTestHub();
    const { record } = await register(store, station);
    expect(codeOf(await post(store, bundles[0] as TestBundle, record))).toBe('stored');
    const insert = store.sql.query(
      `INSERT INTO bundles (manifest_sha256, station_id, schema_version, period_from, period_to, time_zone, first_sequence, last_sequence, sequence_span, audit_before, audit_last,
         crossings, alerts, manifest_text, manifest_sig, signer_fingerprint, raw_sha256, raw_bytes, received_at, via, receipt_text, receipt_sig)
       SELECT repeat('e', 64), station_id, 1, period_to, period_to + interval '1 day', time_zone, 5, 40, int8range($1, $2, '[]'), audit_before, audit_last, 1, 0, '', '', signer_fingerprint,
         raw_sha256, 1, now(), 'usb', '', '' FROM bundles`,
      [record.num * 2 ** 40 + 5, record.num * 2 ** 40 + 40],
    );
    await expect(insert).rejects.toThrow(/bundles_one_copy_of_each_crossing/);
  });
});
