/**
 * Child of the kill-during-export rounds: writes daily bundles of a prepared station in a loop (folder and
 * zip in turn) and prints `ACK <path>` after each export has returned. The parent SIGKILLs it at random.
 */
import { exportBundle } from '../../shared/app/export/export-bundle';
import { DAY1_START, DAY_MS, openTestStation } from '../support/export-station';

const [dataDir, outDir] = process.argv.slice(2);
if (!dataDir || !outDir) throw new Error('usage: export-child <dataDir> <outDir>');
const station = openTestStation(dataDir, () => new Date(DAY1_START + 10 * DAY_MS));

for (let n = 0; ; n += 1) {
  const day = n % 3;
  const row = await exportBundle(station.deps, { fromMs: DAY1_START + day * DAY_MS, toMs: DAY1_START + (day + 1) * DAY_MS, folder: outDir, format: n % 2 === 0 ? 'folder' : 'zip' });
  process.stdout.write(`ACK ${row.destination}\n`);
}
