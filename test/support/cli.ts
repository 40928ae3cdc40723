import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';
import { readStdin } from '../../shared/cli/io';
import { runCli } from '../../shared/cli/run-cli';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `checkpoint <args>` in this process: the same `runCli` and stdin reader as the bin (shared/cli/main.ts),
 * with its streams captured the way the bin writes them (each text plus a newline). A node process per call
 * costs more than most commands do.
 */
export async function runCheckpoint(args: readonly string[], stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdin: () => readStdin(Readable.from([Buffer.from(stdin)])),
    stdout: (text) => {
      stdout += `${text}\n`;
    },
    stderr: (text) => {
      stderr += `${text}\n`;
    },
  });
  return { code, stdout, stderr };
}

export const CHECKPOINT_BIN = path.resolve('bin/checkpoint.mjs');

/**
 * The built bin in a child process, as users run it (`npm test` builds first): for the few tests that prove
 * the bundle itself (its exit codes, its stdin, the .wasm it loads from disk).
 */
export function runCheckpointBin(args: readonly string[], stdin = '', timeout = 60_000): CliRun {
  const result = spawnSync(process.execPath, [CHECKPOINT_BIN, ...args], { input: stdin, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
