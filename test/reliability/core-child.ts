/**
 * Child process of the core crash rounds: the whole application (`createCore`, as the hosts start it) records
 * crossings at the lane — scan a passport, Enter — and prints `ACK <id>` only after `recordCrossing` answered.
 * The parent SIGKILLs it at a random moment.
 */
import { createCore, silentLogger } from '../../shared/app';
import { lanePassport } from './lane-passport';
import { TEST_PIN_HASH_COST, testBootstrap } from '../support/core-session';

const [dataDir, startAtArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: core-child <dataDir> <startAt>');
let n = Number(startAtArg ?? 0);
const core = await createCore({ dataDir, logger: silentLogger, pinHashCost: TEST_PIN_HASH_COST, bootstrap: testBootstrap('operator') });
for (;;) {
  n += 1;
  const scan = await core.scan({ payload: lanePassport(n) });
  if (!scan.ok) throw new Error(`scan ${n}: ${scan.error.message}`);
  const recorded = await core.recordCrossing({ scanId: scan.value.scanId, direction: n % 2 === 0 ? 'entry' : 'exit' });
  if (!recorded.ok) throw new Error(`record ${n}: ${recorded.error.message}`);
  process.stdout.write(`ACK ${recorded.value.id}\n`);
}
