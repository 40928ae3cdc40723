/**
 * Child of the kill-during-trust-list-import rounds: replaces the station's trust list with file A, then B,
 * then A … and prints `ACK <content sha256>` after each import has returned. The parent SIGKILLs it at random.
 */
import { silentLogger } from '../../shared/app';
import { TrustListService } from '../../shared/app/trust-list/trust-list-service';
import { StationStore } from '../../shared/node/db';

const [dataDir, ...files] = process.argv.slice(2);
if (!dataDir || files.length < 2) throw new Error('usage: trust-list-child <dataDir> <fileA> <fileB>');
const store = StationStore.open(dataDir);
const service = new TrustListService({ store, dataDir, now: () => new Date(), newId: () => crypto.randomUUID(), logger: silentLogger });

for (let n = 0; ; n += 1) {
  const result = await service.import(files[n % files.length]!, 'station');
  process.stdout.write(`ACK ${result.import.contentSha256}\n`);
}
