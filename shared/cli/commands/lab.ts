import path from 'node:path';
import { LabResultService } from '../../app/lab-results/lab-result-service';
import { StationStore } from '../../node/db';
import { readUserFile } from '../../node/files';
import { CliError, EXIT_OK, type CliIo } from '../io';
import { serviceCall } from '../service-call';

const MAX_LIST_BYTES = 16 * 1024 * 1024;

async function read(file: string, maxBytes: number, what: string): Promise<Buffer | undefined> {
  const read = await readUserFile(file, maxBytes);
  if (read.ok) return read.value;
  if (read.error.code === 'not-found') return undefined;
  throw new CliError(`cannot read the ${what} ${file}: ${read.error.message}`);
}

async function withService<T>(dataDir: string, call: (service: LabResultService) => T | Promise<T>): Promise<T> {
  const store = StationStore.open(dataDir);
  try {
    return await serviceCall(() => call(new LabResultService({ store, now: () => new Date() })));
  } finally {
    store.close();
  }
}

/** `checkpoint lab key-add --lab-id X --name N --country CC <public-key.pem>`: an administrator registers a lab's key. */
export async function labKeyAddCommand(io: CliIo, dataDir: string, options: { labId: string; name: string; country: string; keyFile: string }): Promise<number> {
  const pem = await read(options.keyFile, 16 * 1024, 'public key');
  if (!pem) throw new CliError(`the public key ${options.keyFile} does not exist`);
  const key = await withService(dataDir, (s) => s.registerKey({ labId: options.labId, name: options.name, country: options.country, publicKey: pem.toString('utf8') }, `cli: ${path.basename(options.keyFile)}`, 'cli'));
  io.stdout(JSON.stringify({ keyId: key.keyId, labId: key.labId, name: key.labName, country: key.country, algorithm: key.algorithm }));
  return EXIT_OK;
}

/** `checkpoint lab import [--signature <file.sig>] <list.csv|xlsx>`: adds a version of a lab's signed result list. */
export async function labImportCommand(io: CliIo, dataDir: string, file: string, signatureFile?: string): Promise<number> {
  const bytes = await read(file, MAX_LIST_BYTES, 'lab list');
  if (!bytes) throw new CliError(`the lab list ${file} does not exist`);
  const signature = await read(signatureFile ?? `${file}.sig`, 4096, 'signature');
  const imported = await withService(dataDir, (s) => s.import(bytes, signature?.toString('utf8'), path.basename(file), 'cli'));
  io.stdout(JSON.stringify(imported));
  return EXIT_OK;
}

/** `checkpoint lab links <registry.json>`: replaces the lab-link registry in use. */
export async function labLinksCommand(io: CliIo, dataDir: string, file: string): Promise<number> {
  const bytes = await read(file, 1024 * 1024, 'lab-link registry');
  if (!bytes) throw new CliError(`the lab-link registry ${file} does not exist`);
  io.stdout(JSON.stringify(await withService(dataDir, (s) => s.importLinkRegistry(bytes, path.basename(file), 'cli'))));
  return EXIT_OK;
}
