import { afterEach, describe, expect, it } from 'vitest';
import { openCentralStore, type CentralStore } from '../../central/store/open-store';
import { verifyReceipt } from '../../shared/domain/central';
import { centralAdminUrl, createTestDatabase } from '../support/central-db';
import { startHubProcess, type HubProcess } from '../support/hub-process';
import { SyntheticStation } from '../support/synthetic-bundle';
import { tempDir } from '../support/temp-dir';

const hubs: HubProcess[] = [];
const stores: CentralStore[] = [];

afterEach(async () => {
  for (const hub of hubs.splice(0)) await hub.stop();
  for (const store of stores.splice(0)) await store.close();
});

const post = (url: string, bundle: { zip: Buffer; manifestSha256: string }, credential: string) =>
  fetch(`${url}/bundles`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/zip', Authorization: `Bearer ${credential}`, 'Idempotency-Key': bundle.manifestSha256 },
    body: new Uint8Array(bundle.zip),
  });

async function backendsGone(store: CentralStore, applicationName: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    const [{ n } = { n: 0 }] = await store.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
    if (n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the killed hub's PostgreSQL backends (${applicationName}) are still there after 30 s`);
}

describe.skipIf(!centralAdminUrl())('the hub killed with SIGKILL during an ingest', () => {
  it('leaves each bundle fully stored with its receipt or absent, and the station retrying gets the receipt', async () => {
    const databaseUrl = await createTestDatabase();
    const dataDir = tempDir('hub-crash-');
    const store = await openCentralStore({ databaseUrl, dataDir });
    stores.push(store);
    const ROWS = 16_000;
    // One whole ingest first says how long one takes on this machine now; the kills then fall across it, from
    // before the body has arrived to around the commit.
    const calibration = new SyntheticStation('CALIBRATION');
    const { credential: calibrationCredential } = await store.stations.add(calibration.stationId, { publicKey: calibration.publicKey, fingerprint: calibration.fingerprint });
    const calibrationHub = await startHubProcess(['--database-url', databaseUrl, '--data-dir', dataDir]);
    const startedAt = Date.now();
    expect((await post(calibrationHub.url, calibration.nextBundle(ROWS), calibrationCredential)).status).toBe(201);
    const wholeMs = Date.now() - startedAt;
    await calibrationHub.stop();
    const delays = [0.05, 0.3, 0.45, 0.55, 0.65, 0.8, 1.1].map((f) => Math.round(f * wholeMs));
    const seen: string[] = [];
    for (const [i, delay] of delays.entries()) {
      const station = new SyntheticStation(`STATION-${i}`);
      const { credential } = await store.stations.add(station.stationId, { publicKey: station.publicKey, fingerprint: station.fingerprint });
      const bundle = station.nextBundle(ROWS);
      const hub = await startHubProcess(['--database-url', databaseUrl, '--data-dir', dataDir]);
      const inFlight = post(hub.url, bundle, credential).then(
        (response) => response.status,
        () => 'cut',
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
      await hub.kill9();
      const answer = await inFlight;
      // A killed client does not stop its server process at once: a COMMIT it sent just before the kill still
      // commits. The outcome is final only when the killed hub's backends are gone.
      await backendsGone(store, hub.applicationName);

      const [row] = await store.sql.query<{ receipt_text: string; receipt_sig: string; crossings: number }>(
        'SELECT receipt_text, receipt_sig, crossings FROM bundles WHERE manifest_sha256 = $1',
        [bundle.manifestSha256],
      );
      const [{ n } = { n: -1 }] = await store.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM crossings WHERE bundle_sha256 = $1', [bundle.manifestSha256]);
      // Whole or nothing: never a bundle row without all its crossings, never crossings without their bundle.
      expect(n).toBe(row ? ROWS : 0);
      if (row) expect(row.crossings).toBe(ROWS);
      seen.push(`${delay} ms: ${row ? 'stored' : 'absent'} (${answer})`);

      // The station sends the same bundle again to a restarted hub.
      const again = await startHubProcess(['--database-url', databaseUrl, '--data-dir', dataDir]);
      hubs.push(again);
      const response = await post(again.url, bundle, credential);
      expect(response.status).toBe(row ? 200 : 201);
      const signed = (await response.json()) as { receipt: { rows: { crossings: number } }; signature: string };
      expect(await verifyReceipt(signed, { hubPublicKey: again.hubPublicKey, manifestSha256: bundle.manifestSha256, stationId: station.stationId })).toMatchObject({ ok: true });
      if (row) expect(signed).toEqual({ receipt: JSON.parse(row.receipt_text), signature: row.receipt_sig });
      expect(signed.receipt.rows.crossings).toBe(ROWS);
      await again.stop();
      hubs.pop();
    }
    // Which moments were hit depends on the machine's speed; the log says which were.
    console.info(`kill -9 during a ${wholeMs} ms ingest: ${seen.join('; ')}`);
    const [{ n: total } = { n: 0 }] = await store.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM crossings');
    expect(total).toBe(ROWS * (delays.length + 1));
  }, 400_000);
});
