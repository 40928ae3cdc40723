import fs from 'node:fs';
import path from 'node:path';
import { exportBundle, resolvePeriod } from '../../app/export/export-bundle';
import { stationTimeZone } from '../../app/export/export-settings';
import { verifyBundle, verifyBundleSet } from '../../domain/export';
import { DATABASE_FILE_NAME, ExportsRepo, OutboxRepo, StationStore, openStationDatabase } from '../../node/db';
import { nodeSha256, readBundle, readPublicKeyFile } from '../../node/export';
import { StationKeyError, loadOrCreateStationKey } from '../../node/keys';
import { CliError, EXIT_FAILED_CHECK, EXIT_OK, EXIT_UNUSABLE_INPUT, type CliIo } from '../io';

export interface ExportArgs {
  readonly dataDir: string;
  readonly out: string;
  readonly zip: boolean;
  readonly from?: string;
  readonly to?: string;
  readonly date?: string;
}

/** `checkpoint export`: writes a signed bundle of the station's log for a period into a folder. */
export async function exportCommand(io: CliIo, args: ExportArgs): Promise<number> {
  const file = path.join(args.dataDir, DATABASE_FILE_NAME);
  if (!fs.existsSync(file)) throw new CliError(`no station database at ${file} (use --data-dir to point at the station's data folder)`);
  if (!fs.statSync(args.out, { throwIfNoEntry: false })?.isDirectory()) throw new CliError(`--out ${args.out} is not an existing folder`);
  let signer: ReturnType<typeof loadOrCreateStationKey>;
  try {
    signer = loadOrCreateStationKey(args.dataDir);
  } catch (error) {
    // E.g. a key sealed by the desktop app's keychain: the CLI cannot sign, and says who can.
    if (error instanceof StationKeyError) throw new CliError(error.message);
    throw error;
  }
  const store = new StationStore(openStationDatabase(args.dataDir));
  try {
    const exports = new ExportsRepo(store.database);
    let period: { fromMs: number; toMs: number };
    try {
      period = resolvePeriod(stationTimeZone(exports), new Date(), { ...args });
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    const row = await exportBundle(
      {
        store,
        exports,
        outbox: new OutboxRepo(store.database),
        signer,
        stationId: store.ensureSetting('station.id', () => {
          throw new CliError('this data folder has no station id yet: start the station once first');
        }),
        checkpointId: exports.setting('station.checkpointId') ?? null,
        appVersion: 'cli',
        dataDir: args.dataDir,
        now: () => new Date(),
        newId: () => crypto.randomUUID(),
        actor: 'cli',
      },
      { ...period, folder: path.resolve(args.out), format: args.zip ? 'zip' : 'folder' },
    );
    io.stdout(
      JSON.stringify({
        path: row.destination,
        manifestSha256: row.manifestSha256,
        period: { from: row.periodFrom, to: row.periodTo, timeZone: row.timeZone },
        crossings: row.crossings,
        alerts: row.alerts,
        status: row.status,
      }),
    );
    return EXIT_OK;
  } finally {
    store.close();
  }
}

export interface VerifyArgs {
  readonly bundle: string;
  readonly publicKey: string;
  readonly previous?: string;
  /** The bundle this one replaces (its manifest's "supersedes"). */
  readonly replaces?: string;
}

/** A folder that holds bundles (folders or .zip files) rather than being one: no manifest.json of its own. */
function bundlesIn(folder: string): string[] | null {
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  if (!stat?.isDirectory() || fs.existsSync(path.join(folder, 'manifest.json'))) return null;
  const names = fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && (e.isDirectory() || e.name.endsWith('.zip')))
    .map((e) => e.name)
    .sort();
  return names.length > 0 ? names : null;
}

/** `checkpoint export verify <folder of bundles>`: each bundle, each replacement, and the chain of those in force. */
async function verifyFolderOfBundles(io: CliIo, folder: string, names: readonly string[], signer: Parameters<typeof verifyBundleSet>[1]['signer']): Promise<number> {
  const bundles: { name: string; files: Map<string, Uint8Array> }[] = [];
  const unreadable: { code: string; message: string }[] = [];
  for (const name of names) {
    const read = readBundle(path.join(folder, name));
    if (read.ok) bundles.push({ name, files: read.files });
    else unreadable.push({ code: 'unreadable', message: `${name}: ${read.message}` });
  }
  const result = await verifyBundleSet(bundles, { signer, sha256: nodeSha256 });
  const problems = [...unreadable, ...result.problems];
  const ok = result.ok && unreadable.length === 0;
  io.stdout(
    JSON.stringify({
      ok,
      folder,
      bundles: result.bundles.map((b) => ({
        bundle: b.name,
        ok: b.ok,
        manifestSha256: b.manifestSha256,
        period: b.manifest?.period ?? null,
        supersedes: b.manifest?.supersedes?.manifestSha256 ?? null,
        problems: b.problems,
      })),
      problems,
    }),
  );
  if (!ok) {
    const lines = [...problems.map((p) => `  - ${p.message}`), ...result.bundles.flatMap((b) => b.problems.map((p) => `  - ${b.name}: ${p.message}`))];
    io.stderr(`bundle verification FAILED (${lines.length} problem(s)):\n${lines.join('\n')}`);
  }
  return ok ? EXIT_OK : EXIT_FAILED_CHECK;
}

/**
 * `checkpoint export verify`: exit 0 when the bundle is complete and untouched, 1 naming every problem,
 * 2 when there is nothing usable to check (no such bundle, no readable key).
 */
export async function exportVerifyCommand(io: CliIo, args: VerifyArgs): Promise<number> {
  const key = readPublicKeyFile(args.publicKey);
  if (!key.ok) throw new CliError(key.message, EXIT_UNUSABLE_INPUT);
  const folder = bundlesIn(args.bundle);
  if (folder) return verifyFolderOfBundles(io, args.bundle, folder, key.signer);
  const bundle = readBundle(args.bundle);
  const previous = args.previous === undefined ? undefined : readBundle(args.previous);
  const replaced = args.replaces === undefined ? undefined : readBundle(args.replaces);
  const fail = (message: string) => {
    io.stdout(JSON.stringify({ ok: false, bundle: args.bundle, problems: [{ code: 'unreadable', message }] }));
    io.stderr(`bundle verification FAILED: ${message}`);
    return EXIT_FAILED_CHECK;
  };
  if (!bundle.ok) {
    if (bundle.reason === 'unusable') throw new CliError(bundle.message, EXIT_UNUSABLE_INPUT);
    return fail(bundle.message);
  }
  if (previous && !previous.ok) {
    if (previous.reason === 'unusable') throw new CliError(`--previous: ${previous.message}`, EXIT_UNUSABLE_INPUT);
    return fail(`previous bundle: ${previous.message}`);
  }
  if (replaced && !replaced.ok) {
    if (replaced.reason === 'unusable') throw new CliError(`--replaces: ${replaced.message}`, EXIT_UNUSABLE_INPUT);
    return fail(`replaced bundle: ${replaced.message}`);
  }
  const result = await verifyBundle({
    files: bundle.files,
    signer: key.signer,
    sha256: nodeSha256,
    ...(previous?.ok ? { previous: previous.files } : {}),
    ...(replaced?.ok ? { replaced: replaced.files } : {}),
  });
  io.stdout(
    JSON.stringify({
      ok: result.ok,
      bundle: args.bundle,
      manifestSha256: result.manifestSha256,
      stationId: result.manifest?.stationId ?? null,
      period: result.manifest?.period ?? null,
      rows: result.manifest?.rows ?? null,
      supersedes: result.manifest?.supersedes ?? null,
      problems: result.problems,
    }),
  );
  if (!result.ok) io.stderr(`bundle verification FAILED (${result.problems.length} problem(s)):\n${result.problems.map((p) => `  - ${p.message}`).join('\n')}`);
  return result.ok ? EXIT_OK : EXIT_FAILED_CHECK;
}
