import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { readBundle, readPublicKeyFile } from '../../shared/node/export';
import { CliError, EXIT_FAILED_CHECK, EXIT_OK, EXIT_UNUSABLE_INPUT, type CliIo } from '../../shared/cli/io';
import { ingestBundle } from '../ingest/ingest-bundle';
import { appliedPackages } from '../packages/package-reports';
import { packagesFor, publishPackage } from '../packages/publish-package';
import { publishStationKeys, stationKeysContent } from '../packages/station-keys-package';
import { PACKAGE_KINDS } from '../../shared/domain/central';
import { startAlertSweep } from '../board/alert-sweep';
import { createHubServer, DEFAULT_MAX_BODY_BYTES } from '../server/create-server';
import { openCentralStore, type CentralStore } from '../store/open-store';
import { hubStats } from '../store/stats';
import { StationExistsError, UnknownStationError, type StationKeyInput } from '../store/stations-repo';
import { CENTRAL_USAGE } from './usage';
import { runUserCommand } from './user-command';
import { runCorridorCommand } from './corridor-command';

export const DEFAULT_PORT = 8470;

/** The built web UI beside the bundled CLI (dist/node/central.mjs → dist/central-web). */
const WEB_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'central-web');

const COMMON = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

function storeOptions(values: { 'data-dir'?: string | undefined; 'database-url'?: string | undefined }) {
  return {
    databaseUrl: values['database-url'] ?? process.env.DATABASE_URL,
    dataDir: path.resolve(values['data-dir'] ?? process.env.CHECKPOINT_CENTRAL_DATA_DIR ?? 'central-data'),
  };
}

async function withStore<T>(values: Parameters<typeof storeOptions>[0], work: (store: CentralStore) => Promise<T>): Promise<T> {
  const store = await openCentralStore(storeOptions(values));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function stationKey(file: string | undefined): StationKeyInput {
  if (!file) throw new CliError(`--public-key <file> is required\n\n${CENTRAL_USAGE}`);
  const read = readPublicKeyFile(file);
  if (!read.ok) throw new CliError(read.message);
  return 'publicKey' in read.signer ? { publicKey: read.signer.publicKey, fingerprint: fingerprintOf(read.signer.publicKey) } : { publicKey: null, fingerprint: read.signer.fingerprint };
}

const fingerprintOf = (publicKey: string): string => createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex');

const json = (value: unknown): string => JSON.stringify(value);

/** `serve` resolves once listening and stays up until `stop` (a signal in the real CLI). */
export async function serve(io: CliIo, values: Record<string, unknown>, stop: Promise<void>): Promise<number> {
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new CliError(`--port must be a port number (0–65535), not ${String(values.port)}`);
  const maxBody = values['max-body'] === undefined ? DEFAULT_MAX_BODY_BYTES : Number(values['max-body']);
  if (!Number.isInteger(maxBody) || maxBody <= 0) throw new CliError('--max-body must be a positive number of bytes');
  const store = await openCentralStore(storeOptions(values as Parameters<typeof storeOptions>[0]));
  const app = createHubServer(store, { maxBodyBytes: maxBody, webRoot: WEB_ROOT });
  // Overdue, missing and silent come from time passing: swept every minute, not only when a bundle arrives.
  const sweep = startAlertSweep(store.sql, { onError: (error) => io.stderr(`checkpoint-central: alert sweep failed: ${(error as Error).message}`) });
  try {
    const url = await app.listen({ port, host: typeof values.host === 'string' ? values.host : '127.0.0.1' });
    io.stdout(json({ url, hubPublicKey: store.hubKey.publicKey, hubFingerprint: store.hubKey.fingerprint, database: store.sql.kind }));
    await stop;
    return EXIT_OK;
  } finally {
    await sweep.stop();
    await app.close();
    await store.close();
  }
}

/**
 * `package export --station ID --out DIR [--since N]`: the packages a station would fetch, written as files for a
 * station that is never online (its shift lead imports the folder from a USB stick).
 */
async function exportPackages(io: CliIo, values: { station?: string | undefined; out?: string | undefined; since?: string | undefined } & Parameters<typeof storeOptions>[0]): Promise<number> {
  if (!values.station || !values.out) throw new CliError(`package export needs --station ID and --out DIR\n\n${CENTRAL_USAGE}`);
  const since = values.since === undefined ? 0 : Number(values.since);
  if (!Number.isInteger(since) || since < 0) throw new CliError('--since must be a package number (0 or more)');
  const out = path.resolve(values.out);
  const stationId = values.station;
  return withStore(values, async (store) => {
    const station = await store.stations.get(stationId);
    if (!station) throw new CliError(`no station ${stationId} is registered`);
    fs.mkdirSync(out, { recursive: true });
    const written: { seq: number; kind: string; file: string }[] = [];
    for (let cursor = since; ; ) {
      const page = await packagesFor(store.sql, station, cursor, 200);
      for (const signed of page) {
        const file = `${String(signed.package.seq).padStart(8, '0')}-${signed.package.kind}.cppkg.json`;
        fs.writeFileSync(path.join(out, file), `${JSON.stringify(signed)}\n`);
        written.push({ seq: signed.package.seq, kind: signed.package.kind, file });
      }
      if (page.length < 200) break;
      cursor = page.at(-1)?.package.seq ?? cursor;
    }
    io.stdout(json({ station: stationId, out, packages: written }));
    return EXIT_OK;
  });
}

async function ingestFiles(io: CliIo, store: CentralStore, targets: readonly string[]): Promise<number> {
  let refused = 0;
  const results = [];
  for (const target of targets) {
    const read = readBundle(target);
    if (!read.ok) {
      refused += 1;
      results.push({ bundle: target, outcome: 'rejected', code: 'bundle-unreadable', message: read.message });
      continue;
    }
    // A folder is kept as a .zip of its files, so every raw bundle is stored the same way.
    const raw = read.kind === 'zip' ? fs.readFileSync(target) : Buffer.from(zipSync(Object.fromEntries(read.files)));
    const outcome = await ingestBundle(store, { files: read.files, raw, station: null, via: 'usb' });
    if (outcome.kind === 'rejected') {
      refused += 1;
      io.stderr(`${target}: refused (${outcome.code}): ${outcome.message}`);
      results.push({ bundle: target, outcome: 'rejected', code: outcome.code, message: outcome.message });
    } else {
      results.push({ bundle: target, outcome: outcome.kind, receipt: outcome.signed.receipt, signature: outcome.signed.signature });
    }
  }
  io.stdout(json(results));
  return refused > 0 ? EXIT_FAILED_CHECK : EXIT_OK;
}

/** Dispatches a `checkpoint-central` invocation; every failure becomes a message on stderr and an exit code. */
export async function runCentralCli(argv: readonly string[], io: CliIo, stop: Promise<void> = new Promise(() => undefined)): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'serve': {
        const { values } = parseArgs({ args: [...rest], options: { ...COMMON, port: { type: 'string' }, host: { type: 'string' }, 'max-body': { type: 'string' } } });
        if (values.help) return help(io);
        return await serve(io, values, stop);
      }
      case 'station': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: { ...COMMON, id: { type: 'string' }, 'public-key': { type: 'string' }, corridor: { type: 'string' } },
        });
        if (values.help) return help(io);
        const [sub] = positionals;
        const needId = (): string => {
          if (!values.id) throw new CliError(`station ${sub} needs --id ID\n\n${CENTRAL_USAGE}`);
          return values.id;
        };
        switch (sub) {
          case 'add': {
            const id = needId();
            const key = stationKey(values['public-key']);
            return await withStore(values, async (store) => {
              const { station, credential } = await store.stations.add(id, key, values.corridor ?? null);
              await publishStationKeys(store);
              io.stdout(json({ stationId: station.stationId, credential, hubPublicKey: store.hubKey.publicKey, hubFingerprint: store.hubKey.fingerprint, fingerprint: station.fingerprint }));
              return EXIT_OK;
            });
          }
          case 'list':
            return await withStore(values, async (store) => {
              io.stdout(json((await store.stations.list()).map(({ num: _num, ...station }) => station)));
              return EXIT_OK;
            });
          case 'revoke': {
            const id = needId();
            return await withStore(values, async (store) => {
              const { num: _num, ...station } = await store.stations.revoke(id);
              await publishStationKeys(store);
              io.stdout(json(station));
              return EXIT_OK;
            });
          }
          case 'rotate-key': {
            const id = needId();
            const key = stationKey(values['public-key']);
            return await withStore(values, async (store) => {
              const { station, credential } = await store.stations.rotateKey(id, key);
              await publishStationKeys(store);
              io.stdout(json({ stationId: station.stationId, credential, hubPublicKey: store.hubKey.publicKey, hubFingerprint: store.hubKey.fingerprint, fingerprint: station.fingerprint }));
              return EXIT_OK;
            });
          }
          case 'applied': {
            const id = needId();
            return await withStore(values, async (store) => {
              if (!(await store.stations.get(id))) throw new CliError(`no station ${id} is registered`);
              io.stdout(json(await appliedPackages(store.sql, id)));
              return EXIT_OK;
            });
          }
          default:
            throw new CliError(`unknown station subcommand "${sub ?? ''}" (add, list, revoke, rotate-key, applied)\n\n${CENTRAL_USAGE}`);
        }
      }
      case 'user': {
        const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: { ...COMMON, name: { type: 'string' }, role: { type: 'string' } } });
        if (values.help) return help(io);
        return await withStore(values, (store) => runUserCommand(io, store, positionals, values));
      }
      case 'corridor': {
        const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: { ...COMMON, file: { type: 'string' } } });
        if (values.help) return help(io);
        return await withStore(values, (store) => runCorridorCommand(io, store, positionals, values));
      }
      case 'ingest': {
        const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: COMMON });
        if (values.help) return help(io);
        if (positionals.length === 0) throw new CliError(`ingest takes one or more bundle folders or .zip files\n\n${CENTRAL_USAGE}`);
        return await withStore(values, (store) => ingestFiles(io, store, positionals));
      }
      case 'package': {
        const { values, positionals } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: { ...COMMON, kind: { type: 'string' }, file: { type: 'string' }, station: { type: 'string' }, corridor: { type: 'string' }, out: { type: 'string' }, since: { type: 'string' } },
        });
        if (values.help) return help(io);
        if (positionals[0] === 'export' && positionals.length === 1) return await exportPackages(io, values);
        if (positionals[0] !== 'publish' || positionals.length !== 1) throw new CliError(`package takes "publish" or "export"\n\n${CENTRAL_USAGE}`);
        const kind = PACKAGE_KINDS.find((k) => k === values.kind);
        if (!kind) throw new CliError(`--kind must be one of ${PACKAGE_KINDS.join(', ')}`);
        // The registry of station keys is built from the stations this hub knows, unless a file is given.
        if (!values.file && kind !== 'station-keys') throw new CliError('package publish needs --file <file>');
        const file = values.file;
        let content: string | null = null;
        if (file) {
          try {
            content = fs.readFileSync(file, 'utf8');
          } catch (error) {
            throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
          }
        }
        return await withStore(values, async (store) => {
          const signed = await publishPackage(store, {
            kind,
            name: file ? path.basename(file) : 'station-keys.json',
            content: content ?? (await stationKeysContent(store)),
            stationId: values.station ?? null,
            corridorId: values.corridor ?? null,
          });
          const { content: _content, ...summary } = signed.package;
          io.stdout(json(summary));
          return EXIT_OK;
        });
      }
      case 'stats': {
        const { values } = parseArgs({ args: [...rest], options: COMMON });
        if (values.help) return help(io);
        return await withStore(values, async (store) => {
          io.stdout(json(await hubStats(store.sql)));
          return EXIT_OK;
        });
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        return help(io);
      default:
        throw new CliError(`unknown command "${command}"\n\n${CENTRAL_USAGE}`);
    }
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`checkpoint-central: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof StationExistsError || error instanceof UnknownStationError) {
      io.stderr(`checkpoint-central: ${error.message}`);
      return EXIT_FAILED_CHECK;
    }
    if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      io.stderr(`checkpoint-central: ${(error as Error).message}\n\n${CENTRAL_USAGE}`);
      return EXIT_UNUSABLE_INPUT;
    }
    io.stderr(`checkpoint-central: ${(error as Error).message}`);
    return EXIT_UNUSABLE_INPUT;
  }
}

function help(io: CliIo): number {
  io.stdout(CENTRAL_USAGE);
  return EXIT_OK;
}
