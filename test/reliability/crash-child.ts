/**
 * Child process of the crash test: records crossings in a loop and prints `ACK <id>` only after
 * recordCrossing has returned, i.e. after the commit. The parent kills it with SIGKILL at random.
 */
import { StationStore } from '../../shared/node/db';
import { numberedCrossing } from './numbered-crossing';

const [dataDir, startAtArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: crash-child <dataDir> <startAt>');
let n = Number(startAtArg ?? 0);
const store = StationStore.open(dataDir);

function record(): void {
  n += 1;
  const crossing = numberedCrossing(n, { stationId: 'STN-CRASH', surname: 'JURAEV', note: 'x'.repeat(n % 400) });
  store.recordCrossing(crossing, 'station');
  const { id } = crossing;
  process.stdout.write(`ACK ${id}\n`);
}

// Synchronous bursts keep the process busy inside SQLite most of the time, where a kill hurts most.
for (;;) record();
