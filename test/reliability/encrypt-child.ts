/**
 * Child of the kill-during-encryption rounds: opens a plaintext station database, which encrypts it in
 * place, and prints `ACK encrypted <ms>` when that has returned. The parent SIGKILLs it at random moments.
 */
import { openStationDatabase } from '../../shared/node/db';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: encrypt-child <dataDir>');
process.stdout.write('ACK started\n');
const started = performance.now();
openStationDatabase(dataDir).close();
// With how long it took, so the parent can aim its kills at the encryption on this machine.
process.stdout.write(`ACK encrypted ${Math.round(performance.now() - started)}\n`);
// Wait to be killed: the parent always kills.
setInterval(() => {}, 1000);
