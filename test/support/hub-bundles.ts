import fs from 'node:fs';
import { exportBundle } from '../../shared/app/export/export-bundle';
import { DAY1_START, DAY_MS, openTestStation, type TestStation } from './export-station';
import { bundleSchemaProblemsAt } from './bundle-schema';
import { tempDir } from './temp-dir';

export interface TestBundle {
  readonly zip: Buffer;
  readonly manifestSha256: string;
  readonly file: string;
}

/** A real station (SQLite, Ed25519 key) with `perDay` crossings on each of `days` days, and one signed .zip per day. */
export async function stationWithBundles(stationId: string, days: number, perDay: number): Promise<{ station: TestStation; bundles: TestBundle[]; folder: string }> {
  const dataDir = tempDir('hub-station-');
  const folder = tempDir('hub-bundles-');
  const station = openTestStation(dataDir, () => new Date(DAY1_START + (days + 1) * DAY_MS), stationId);
  const bundles: TestBundle[] = [];
  for (let day = 0; day < days; day += 1) {
    const fromMs = DAY1_START + day * DAY_MS;
    station.record(perDay, fromMs + 8 * 3_600_000, Math.floor((10 * 3_600_000) / Math.max(1, perDay)));
    if (day === 0) station.raiseAlert(fromMs + 9 * 3_600_000, 1);
    const row = await exportBundle(station.deps, { fromMs, toMs: fromMs + DAY_MS, folder, format: 'zip' });
    const file = row.destination as string;
    // Every bundle the hub tests send is first checked against docs/export-bundle.schema.json.
    const problems = bundleSchemaProblemsAt(file);
    if (problems.length > 0) throw new Error(`bundle outside the schema: ${problems.slice(0, 5).join('; ')}`);
    bundles.push({ zip: fs.readFileSync(file), manifestSha256: row.manifestSha256, file });
  }
  return { station, bundles, folder };
}
