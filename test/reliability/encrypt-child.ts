/**
 * Child of the kill-during-encryption rounds: opens a plaintext station database, which encrypts it in
 * place, and prints `ACK encrypted` when that has returned. The parent SIGKILLs it at random moments.
 */
import { openStationDatabase } from '../../shared/node/db';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: encrypt-child <dataDir>');
process.stdout.write('ACK started\n');
openStationDatabase(dataDir).close();
process.stdout.write('ACK encrypted\n');
// Wait to be killed: the parent always kills.
setInterval(() => {}, 1000);
