import fs from 'node:fs';
import { CliError, EXIT_FAILED_CHECK, EXIT_OK, type CliIo } from '../../shared/cli/io';
import type { CorridorChain } from '../../shared/domain/corridor/journey';
import { publishCorridor } from '../board/corridor-package';
import { loadCorridors, saveCorridor } from '../board/corridor-repo';
import type { CentralStore } from '../store/open-store';
import { CENTRAL_USAGE } from './usage';

/**
 * `corridor add --file F` registers (or changes) a corridor from a JSON file `{id, name, steps: [{checkpointId,
 * country, direction}], legs: [{expectedMinutes, maxMinutes}]}` and publishes it to the stations;
 * `corridor list` prints the corridors in service.
 */
export async function runCorridorCommand(io: CliIo, store: CentralStore, positionals: readonly string[], values: { file?: string | undefined }): Promise<number> {
  const [sub] = positionals;
  if (sub === 'list' && positionals.length === 1) {
    io.stdout(JSON.stringify((await loadCorridors(store.sql)).map((c) => ({ id: c.chain.id, name: c.name, version: c.version, steps: c.chain.steps, legs: c.chain.legs }))));
    return EXIT_OK;
  }
  if (sub !== 'add' || positionals.length !== 1) throw new CliError(`corridor takes "add" or "list"\n\n${CENTRAL_USAGE}`);
  if (!values.file) throw new CliError(`corridor add needs --file F\n\n${CENTRAL_USAGE}`);
  let input: { id?: unknown; name?: unknown; steps?: unknown; legs?: unknown };
  try {
    input = JSON.parse(fs.readFileSync(values.file, 'utf8')) as typeof input;
  } catch (error) {
    throw new CliError(`cannot read ${values.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (typeof input.id !== 'string' || typeof input.name !== 'string' || !Array.isArray(input.steps) || !Array.isArray(input.legs)) {
    throw new CliError(`${values.file} needs {"id", "name", "steps": [{"checkpointId", "country", "direction"}], "legs": [{"expectedMinutes", "maxMinutes"}]}`);
  }
  const chain = { id: input.id, steps: input.steps, legs: input.legs } as CorridorChain;
  const name = input.name;
  const saved = await store.sql.transaction((tx) => saveCorridor(tx, { chain, name }, `cli:${process.env.USER ?? 'unknown'}`));
  if (!saved.ok) {
    io.stderr(`checkpoint-central: ${saved.error.message}`);
    return EXIT_FAILED_CHECK;
  }
  const published = await publishCorridor(store, saved.value);
  io.stdout(JSON.stringify({ id: saved.value.chain.id, name: saved.value.name, version: saved.value.version, package: published.package.seq }));
  return EXIT_OK;
}
